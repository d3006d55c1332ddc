using CalcCds.Fhir.Model;

namespace CalcCds.Fhir.Client;

/// <summary>The FHIR REST calls a CDS service makes against the EHR (read and search).</summary>
public interface IFhirClient
{
    /// <summary>
    /// A read (<c>Patient/123</c>) or a search (<c>Condition?patient=123</c>); a search answers one
    /// searchset Bundle with all pages merged.
    /// </summary>
    /// <exception cref="FhirClientException">Any failure, including 404.</exception>
    Task<Resource?> GetAsync(string relativeUrl, CancellationToken cancellationToken);

    /// <summary>Reads <c>type/id</c> and checks the answer is a <typeparamref name="T"/>.</summary>
    Task<T> ReadAsync<T>(string type, string id, CancellationToken cancellationToken)
        where T : Resource;

    /// <summary>Searches <paramref name="type"/> with the given parameters, all pages merged.</summary>
    Task<Bundle> SearchAsync(string type, IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken);
}
