using Microsoft.Extensions.Options;

namespace CalcCds.Api.Security;

/// <summary>One configured issuer, resolved to lookup-friendly sets.</summary>
internal sealed record TrustedIssuer(
    string Issuer,
    KeySource? ConfiguredKeys,
    IReadOnlySet<string> AllowedJku,
    IReadOnlySet<string> Tenants)
{
    /// <summary>
    /// Picks the key source for a token. A <c>jku</c> is honoured only when it is on the allow-list; then
    /// the issuer's configured keys win (known out of band, e.g. a pinned copy of that set) and the
    /// <c>jku</c> is fetched only when nothing else is configured. Null means: refuse, fetch nothing.
    /// </summary>
    public KeySource? SelectKeySource(string? jku)
    {
        if (string.IsNullOrEmpty(jku))
        {
            return ConfiguredKeys;
        }

        if (!AllowedJku.Contains(jku))
        {
            return null;
        }

        return ConfiguredKeys ?? new KeySource(KeySourceKind.Url, jku);
    }
}

/// <summary>The configured issuers by exact <c>iss</c>.</summary>
internal sealed class TrustedIssuers
{
    private readonly Dictionary<string, TrustedIssuer> byIssuer;

    public TrustedIssuers(IOptions<CdsSecurityOptions> options, IHostEnvironment env)
    {
        byIssuer = options.Value.Issuers.ToDictionary(
            i => i.Issuer,
            i => new TrustedIssuer(
                i.Issuer,
                ConfiguredSource(i, env),
                i.AllowedJku.Select(u => u.OriginalString).ToHashSet(StringComparer.Ordinal),
                i.Tenants.ToHashSet(StringComparer.Ordinal)),
            StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => byIssuer.Keys;

    public TrustedIssuer? Find(string? issuer) =>
        issuer is not null && byIssuer.TryGetValue(issuer, out var trusted) ? trusted : null;

    private static KeySource? ConfiguredSource(TrustedIssuerOptions issuer, IHostEnvironment env)
    {
        if (issuer.JwksUrl is { } url)
        {
            return new KeySource(KeySourceKind.Url, url.OriginalString);
        }

        if (!string.IsNullOrWhiteSpace(issuer.JwksFile))
        {
            return new KeySource(KeySourceKind.File, Path.GetFullPath(issuer.JwksFile, env.ContentRootPath));
        }

        // The inline JSON itself is the location: it is what the cache entry loads.
        return string.IsNullOrWhiteSpace(issuer.Jwks) ? null : new KeySource(KeySourceKind.Inline, issuer.Jwks);
    }
}
