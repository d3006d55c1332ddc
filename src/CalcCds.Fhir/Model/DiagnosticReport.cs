using System.Text.Json.Serialization;

namespace CalcCds.Fhir.Model;

public sealed partial record DiagnosticReport
{
    /// <summary>The clinically relevant time: effectiveDateTime or the start of effectivePeriod.</summary>
    [JsonIgnore]
    public FhirDateTime? Effective => EffectiveDateTime ?? EffectivePeriod?.Start;
}
