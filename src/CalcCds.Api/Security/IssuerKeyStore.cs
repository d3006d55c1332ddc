using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CalcCds.Api.Security;

/// <summary>
/// Caches each JWKS source's signing keys. A source is (re)loaded when first used, when its cache time
/// has passed, or when a token names a <c>kid</c> it does not hold (key rotation); reloads of one source
/// are serialised and at most one per <see cref="CdsSecurityOptions.JwksRefreshIntervalSeconds"/>, so a
/// stream of tokens with random kids cannot turn us into a request amplifier against the issuer.
/// </summary>
internal sealed class IssuerKeyStore(
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    IOptions<CdsSecurityOptions> options,
    ILogger<IssuerKeyStore> logger)
{
    public const string HttpClientName = "CalcCds.Security.Jwks";

    /// <summary>Bigger than any sane JWKS, small enough that a hostile endpoint cannot exhaust memory.</summary>
    private const int MaxJwksBytes = 256 * 1024;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Keys of <paramref name="source"/> whose kid is <paramref name="kid"/>, loading the source if needed.</summary>
    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(KeySource source, string kid, CancellationToken cancellationToken)
    {
        var entry = entries.GetOrAdd(source.CacheKey, _ => new Entry());
        var snapshot = entry.Current;
        if (snapshot is not null && !IsStale(source, snapshot) && snapshot.Has(kid))
        {
            return snapshot.Find(kid);
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have reloaded while this one waited. A source that failed to load is also
            // retried only at the refresh interval, or a dead JWKS endpoint would be hit on every request.
            snapshot = entry.Current;
            var wanted = snapshot is null || IsStale(source, snapshot) || !snapshot.Has(kid);
            var neverTried = entry.LastAttempt == DateTimeOffset.MinValue;
            if (wanted && (neverTried || MayReload(source, entry)))
            {
                entry.LastAttempt = time.GetUtcNow();
                var keys = await LoadAsync(source, cancellationToken);
                if (keys is not null)
                {
                    snapshot = new Snapshot(keys, time.GetUtcNow());
                    entry.Current = snapshot;
                }
            }

            return snapshot?.Find(kid) ?? [];
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Keys already in the cache: the synchronous lookup the token handler's key resolver needs.</summary>
    public IReadOnlyList<SecurityKey> GetCachedKeys(KeySource source, string kid) =>
        entries.TryGetValue(source.CacheKey, out var entry) && entry.Current is { } snapshot ? snapshot.Find(kid) : [];

    private bool IsStale(KeySource source, Snapshot snapshot) =>
        source.CanRefresh && time.GetUtcNow() - snapshot.LoadedAt >= TimeSpan.FromSeconds(options.Value.JwksCacheSeconds);

    private bool MayReload(KeySource source, Entry entry) =>
        source.CanRefresh
        && time.GetUtcNow() - entry.LastAttempt >= TimeSpan.FromSeconds(options.Value.JwksRefreshIntervalSeconds);

    /// <summary>Null when the source could not be read; the previous keys (if any) stay in use.</summary>
    private async Task<IReadOnlyList<JsonWebKey>?> LoadAsync(KeySource source, CancellationToken cancellationToken)
    {
        try
        {
            var json = source.Kind switch
            {
                KeySourceKind.Url => await FetchAsync(new Uri(source.Location), cancellationToken),
                KeySourceKind.File => await File.ReadAllTextAsync(source.Location, cancellationToken),
                _ => source.Location,
            };
            var keys = JwksParser.SigningKeys(json);
            logger.LogInformation("Loaded {Count} signing keys from {Kind} JWKS {Location}", keys.Count, source.Kind, Describe(source));
            return keys;
        }
        catch (Exception ex) when ((ex is HttpRequestException or IOException or ArgumentException or UnauthorizedAccessException
                                        or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not load {Kind} JWKS {Location}: {Error}", source.Kind, Describe(source), ex.GetType().Name);
            return null;
        }
    }

    private async Task<string> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.JwksFetchTimeoutSeconds));
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxJwksBytes)
        {
            throw new InvalidDataException("JWKS response too large.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var buffer = new byte[MaxJwksBytes + 1];
        var total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(total), timeout.Token)) > 0)
        {
            total += read;
            if (total > MaxJwksBytes)
            {
                throw new InvalidDataException("JWKS response too large.");
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

    /// <summary>Inline JWKS are configuration text, not a location worth logging.</summary>
    private static string Describe(KeySource source) => source.Kind == KeySourceKind.Inline ? "(inline)" : source.Location;

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile Snapshot? Current;

        public DateTimeOffset LastAttempt { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed record Snapshot(IReadOnlyList<JsonWebKey> Keys, DateTimeOffset LoadedAt)
    {
        public bool Has(string kid) => Keys.Any(k => k.Kid == kid);

        public IReadOnlyList<SecurityKey> Find(string kid) => [.. Keys.Where(k => k.Kid == kid)];
    }
}
