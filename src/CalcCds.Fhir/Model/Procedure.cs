using System.Text.Json.Serialization;

namespace CalcCds.Fhir.Model;

public sealed partial record Procedure
{
    /// <summary>When the procedure was performed: performedDateTime or the start of performedPeriod.</summary>
    [JsonIgnore]
    public FhirDateTime? Performed => PerformedDateTime ?? PerformedPeriod?.Start;
}
