using CalcCds.Fhir.Client;
using Microsoft.Extensions.Options;

namespace CalcCds.Hooks.Prefetch;

/// <summary>FHIR clients over pooled HttpClients (named client <see cref="HttpClientName"/>), one per CDS request.</summary>
public sealed class HttpFhirClientFactory(IHttpClientFactory httpClientFactory, IOptions<FhirClientOptions> options) : IFhirClientFactory
{
    public const string HttpClientName = "fhir";

    public IFhirClient Create(Uri fhirServer, string? bearerToken) =>
        new FhirClient(httpClientFactory.CreateClient(HttpClientName), fhirServer, bearerToken, options.Value);
}
