using System.Text.Json.Serialization;

namespace CalcCds.Fhir.Model;

public sealed partial record ServiceRequest
{
    /// <summary>When the service should happen: occurrenceDateTime, the start of occurrencePeriod, or the first Timing event.</summary>
    [JsonIgnore]
    public FhirDateTime? Occurrence =>
        OccurrenceDateTime ?? OccurrencePeriod?.Start ?? (OccurrenceTiming?.Event is [var first, ..] ? first : null);
}
