using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Client;

/// <summary>
/// Reads and searches one EHR FHIR server with one bearer token: create one per CDS request,
/// with an <see cref="HttpClient"/> from <c>IHttpClientFactory</c>. Searches follow
/// <c>Bundle.link[next]</c> on the same server only, so the token never leaves it.
/// </summary>
public sealed partial class FhirClient : IFhirClient
{
    private const string FhirJsonMediaType = "application/fhir+json";

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string? _bearerToken;
    private readonly FhirClientOptions _options;

    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http(s) URL.</exception>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Options out of range.</exception>
    public FhirClient(HttpClient http, Uri baseUrl, string? bearerToken, FhirClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(options);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The FHIR base URL must be an absolute http(s) URL.", nameof(baseUrl));
        }

        options.Validate();
        _http = http;
        // A trailing slash makes "Patient/1" resolve below the base path (…/fhir/Patient/1), not beside it.
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _bearerToken = string.IsNullOrEmpty(bearerToken) ? null : bearerToken;
        _options = options;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A search stops after <see cref="FhirClientOptions.MaxPages"/> pages; the merged Bundle then
    /// keeps the server's <c>next</c> link, which is how FHIR says "there is more".
    /// </remarks>
    public async Task<Resource?> GetAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        var url = Relative(relativeUrl);
        var first = await SendAsync(new Uri(_baseUrl, url), url, cancellationToken);
        if (!IsSearch(url))
        {
            return first;
        }

        return first is Bundle bundle
            ? await MergePagesAsync(bundle, url, cancellationToken)
            : throw new FhirClientException(
                FhirClientErrorKind.InvalidResponse, 200, url, $"FHIR search {url} answered {first.ResourceType}, not a Bundle");
    }

    /// <inheritdoc />
    public async Task<T> ReadAsync<T>(string type, string id, CancellationToken cancellationToken)
        where T : Resource
    {
        if (!ResourceTypeNames.IsR4(type))
        {
            throw new ArgumentException($"'{type}' is not a FHIR R4 resource type.", nameof(type));
        }

        if (id is null || !IdGrammar().IsMatch(id))
        {
            throw new ArgumentException("A FHIR id is 1-64 letters, digits, '-' or '.'.", nameof(id));
        }

        var url = $"{type}/{id}";
        var resource = await GetAsync(url, cancellationToken);
        return resource as T ?? throw new FhirClientException(
            FhirClientErrorKind.InvalidResponse, 200, url, $"FHIR read {url} answered {resource?.ResourceType}, not {typeof(T).Name}");
    }

    /// <inheritdoc />
    public async Task<Bundle> SearchAsync(string type, IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!ResourceTypeNames.IsR4(type))
        {
            throw new ArgumentException($"'{type}' is not a FHIR R4 resource type.", nameof(type));
        }

        var parameters = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        // "Type?" with no parameters is still a search (IsSearch looks for the '?').
        return (Bundle)(await GetAsync($"{type}?{parameters}", cancellationToken))!;
    }

    private async Task<Bundle> MergePagesAsync(Bundle first, string url, CancellationToken cancellationToken)
    {
        var entries = new List<BundleEntry>(first.Entry ?? []);
        var page = first;
        for (var pages = 1; pages < _options.MaxPages && NextLink(page) is { } next; pages++)
        {
            var nextUrl = SameServer(next, url);
            var resource = await SendAsync(nextUrl, nextUrl.PathAndQuery, cancellationToken);
            page = resource as Bundle ?? throw new FhirClientException(
                FhirClientErrorKind.InvalidResponse, 200, nextUrl.PathAndQuery, $"FHIR search page answered {resource.ResourceType}, not a Bundle");
            entries.AddRange(page.Entry ?? []);
        }

        var links = first.Link?.Where(l => l.Relation == "self").ToList() ?? [];
        if (NextLink(page) is not null)
        {
            links.AddRange(page.Link!.Where(l => l.Relation == "next"));
        }

        return first with { Entry = entries, Link = links };
    }

    private static string? NextLink(Bundle page) => page.Link?.FirstOrDefault(l => l.Relation == "next")?.Url;

    // Same scheme, host and port as the base URL, or the bearer token would go to another server.
    private Uri SameServer(string link, string searchUrl)
    {
        if (Uri.TryCreate(_baseUrl, link, out var next)
            && Uri.Compare(next, _baseUrl, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return next;
        }

        throw new FhirClientException(
            FhirClientErrorKind.InvalidResponse, 200, searchUrl,
            $"FHIR search {searchUrl}: the next page link points to another server; not followed");
    }

    private async Task<Resource> SendAsync(Uri absoluteUrl, string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, absoluteUrl);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJsonMediaType));
        if (_bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bearerToken);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new FhirClientException(KindOf(response.StatusCode), status, url, $"FHIR server answered {status} for GET {url}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await FhirJson.ParseAsync<Resource>(body, timeout.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            // Ours or HttpClient.Timeout: either way the caller did not cancel, the server was slow.
            throw new FhirClientException(
                FhirClientErrorKind.Timeout, null, url, $"FHIR server did not answer GET {url} within {_options.RequestTimeout.TotalSeconds:0.###} s", e);
        }
        catch (FhirParseException e)
        {
            throw new FhirClientException(FhirClientErrorKind.InvalidResponse, 200, url, $"FHIR server answered GET {url} with invalid FHIR JSON: {e.Message}", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new FhirClientException(FhirClientErrorKind.Unreachable, null, url, $"FHIR server unreachable for GET {url}: {e.Message}", e);
        }
    }

    private static FhirClientErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        401 => FhirClientErrorKind.Unauthorized,
        403 => FhirClientErrorKind.Forbidden,
        404 => FhirClientErrorKind.NotFound,
        429 => FhirClientErrorKind.TooManyRequests,
        >= 500 and < 600 => FhirClientErrorKind.ServerError,
        _ => FhirClientErrorKind.OtherStatus,
    };

    // Only relative URLs: an absolute one could send the token to any host.
    private static string Relative(string relativeUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativeUrl);
        var url = relativeUrl.TrimStart('/');
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            throw new ArgumentException("Expected a URL relative to the FHIR base, e.g. 'Patient/123'.", nameof(relativeUrl));
        }

        return url;
    }

    // "Condition?patient=1" and "Condition" are searches; "Patient/1" is a read.
    private static bool IsSearch(string url) => url.Contains('?', StringComparison.Ordinal) || !url.Contains('/', StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdGrammar();
}
