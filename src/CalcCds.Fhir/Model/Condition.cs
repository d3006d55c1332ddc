using System.Text.Json.Serialization;

namespace CalcCds.Fhir.Model;

public sealed partial record Condition
{
    /// <summary>When the condition began, as a point in time: onsetDateTime or the start of onsetPeriod.</summary>
    /// <remarks>onsetAge, onsetRange and onsetString need the birth date or free text; they give null here.</remarks>
    [JsonIgnore]
    public FhirDateTime? Onset => OnsetDateTime ?? OnsetPeriod?.Start;

    /// <summary>When the condition resolved: abatementDateTime or the start of abatementPeriod.</summary>
    [JsonIgnore]
    public FhirDateTime? Abatement => AbatementDateTime ?? AbatementPeriod?.Start;
}
