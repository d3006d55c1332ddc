using CalcCds.Fhir.Client;

namespace CalcCds.Hooks.Prefetch;

/// <summary>Creates a FHIR client for one CDS request's <c>fhirServer</c> and access token.</summary>
public interface IFhirClientFactory
{
    IFhirClient Create(Uri fhirServer, string? bearerToken);
}
