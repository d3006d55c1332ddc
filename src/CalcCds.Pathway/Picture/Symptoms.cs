using CalcCds.Fhir.Model;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Picture;

/// <summary>
/// The symptom status of §4.7: symptomatic when pain, tenderness, swelling or a palpable mass is recorded within the
/// window; asymptomatic only on an explicit negative; otherwise unknown — never assumed.
/// </summary>
/// <summary>One recorded symptom and whether it was present.</summary>
public sealed record SymptomRecord(string Symptom, bool Present)
{
    public override string ToString() => $"{Symptom}: {(Present ? "present" : "absent")}";
}

internal static class Symptoms
{
    public static (SymptomStatus Status, IReadOnlyList<Fact<SymptomRecord>> Facts) Read(
        IReadOnlyList<IndexFinding> findings, IEnumerable<Observation> observations, DateTimeOffset since)
    {
        var facts = new List<Fact<SymptomRecord>>();
        foreach (var finding in findings)
        {
            if (finding.Pain is { } pain)
            {
                facts.Add(new Fact<SymptomRecord>(new SymptomRecord("pain at the site", pain.Value), pain.Origin, pain.Reference, pain.Date));
            }
        }

        foreach (var observation in observations)
        {
            var code = observation.Code.FirstCodeIn(SnomedCodes.System, SymptomCodes.All);
            var when = observation.When();
            if (code is null || !PatientPictureBuilder.IsUsable(observation.Status, out var preliminary) || preliminary
                || when is null || when.LowerBound < since)
            {
                continue;
            }

            bool? present = observation.ValueBoolean
                ?? (observation.ValueCodeableConcept.Has(SnomedCodes.System, SnomedCodes.Presence.Present) ? true
                    : observation.ValueCodeableConcept.Has(SnomedCodes.System, SnomedCodes.Presence.Absent) ? false : null);
            if (present is { } value)
            {
                facts.Add(new Fact<SymptomRecord>(new SymptomRecord(SymptomCodes.Display(code), value), FactOrigin.Coded, observation.Ref(), when.Value));
            }
        }

        var status = facts.Any(f => f.Value.Present) ? SymptomStatus.Symptomatic
            : facts.Count > 0 ? SymptomStatus.Asymptomatic
            : SymptomStatus.Unknown;
        return (status, facts);
    }
}
