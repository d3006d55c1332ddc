namespace CalcCds.Testing.Fhir;

/// <summary>Start-up options of <see cref="FhirTestServer"/>.</summary>
public sealed record FhirTestServerOptions
{
    /// <summary>Path prefix of the FHIR base (no slashes at either end); empty serves FHIR at the root.</summary>
    public string PathPrefix { get; init; } = "fhir";

    /// <summary>Page size when a search has no <c>_count</c>.</summary>
    public int DefaultPageSize { get; init; } = 50;

    /// <summary>Bearer token every request must carry; null accepts any request. Can be changed later.</summary>
    public string? RequiredBearerToken { get; init; }

    /// <summary>How long <see cref="FhirTestServer.DisposeAsync"/> waits for in-flight requests.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
