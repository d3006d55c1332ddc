using System.ComponentModel.DataAnnotations;

namespace CalcCds.Fhir.Client;

/// <summary>Limits for calls to the EHR's FHIR server (bind from configuration and validate at start-up).</summary>
public sealed record FhirClientOptions
{
    /// <summary>Most search pages fetched (first page included) before a search is cut short with an error.</summary>
    [Range(1, 1000)]
    public int MaxPages { get; init; } = 10;

    /// <summary>Time allowed for each HTTP call, body included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="ValidationException"/> when a limit is out of range.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
