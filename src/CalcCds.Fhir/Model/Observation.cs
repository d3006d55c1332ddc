using System.Text.Json.Serialization;

namespace CalcCds.Fhir.Model;

public sealed partial record Observation
{
    /// <summary>
    /// The clinically relevant time as one point: effectiveDateTime, effectiveInstant, the start of
    /// effectivePeriod, or the first event of effectiveTiming; null when none is given.
    /// </summary>
    [JsonIgnore]
    public FhirDateTime? Effective =>
        EffectiveDateTime ?? EffectiveInstant ?? EffectivePeriod?.Start ?? (EffectiveTiming?.Event is [var first, ..] ? first : null);
}
