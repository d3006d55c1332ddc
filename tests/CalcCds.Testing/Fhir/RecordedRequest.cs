using CalcCds.FhirEndpoint;

namespace CalcCds.Testing.Fhir;

/// <summary>
/// One request the test server received. Timestamps let a test prove how a client behaved in time
/// (for example that prefetch gaps were fetched concurrently, not one after another).
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Full request path, e.g. <c>/fhir/Observation</c>.</param>
/// <param name="RelativePath">Path below the FHIR base, e.g. <c>Observation</c> or <c>Patient/123</c>.</param>
/// <param name="ResourceType">First segment of <paramref name="RelativePath"/>, when there is one.</param>
/// <param name="QueryString">Raw query string including the leading <c>?</c>, or empty.</param>
/// <param name="HasAuthorization">Whether an <c>Authorization</c> header was sent at all.</param>
/// <param name="BearerToken">The token of a <c>Bearer</c> Authorization header, if that was the scheme.</param>
/// <param name="StartedAt">When the server began handling the request.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RelativePath,
    string? ResourceType,
    string QueryString,
    bool HasAuthorization,
    string? BearerToken,
    DateTimeOffset StartedAt)
{
    /// <summary>
    /// When the server finished: just before the response started (so a client can never see a response
    /// before its request counts as ended), or when the connection was aborted. Null while in flight.
    /// </summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Status code sent, or null when no response was sent (dropped or client-aborted).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Name of the injected fault, if a fault rule matched this request.</summary>
    public string? Fault { get; init; }

    /// <summary>Query parameters in the order sent, decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => QueryStrings.Parse(QueryString);

    /// <summary>First value of a query parameter, or null.</summary>
    public string? QueryValue(string name) =>
        Query.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.Ordinal)).Value;
}
