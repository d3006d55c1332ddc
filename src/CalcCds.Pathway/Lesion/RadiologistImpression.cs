using CalcCds.Fhir.Model;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Lesion;

/// <summary>
/// The radiologist's coded impression of a lesion (§5 R04: "the radiologist's impression codes it as benign"): the
/// <c>conclusionCode</c> of the latest final radiology report about the lesion — a report whose <c>result</c> holds one
/// of the lesion's finding Observations, or the report the lesion was read from. Only the latest coded impression
/// counts, so a later "equivocal" report overrides an earlier "benign" one (§7.3: the most recent result wins).
/// </summary>
public static class RadiologistImpression
{
    // §7.4 statuses for a DiagnosticReport; preliminary and entered-in-error reports never carry the impression.
    private static readonly HashSet<string> FinalReport = new(StringComparer.Ordinal) { "final", "amended", "corrected", "appended" };

    /// <summary>The benign impression as a fact (report reference and date), or null when the latest coded
    /// impression is not benign or there is none.</summary>
    public static Fact<string>? Benign(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        var lesionRefs = lesion.Reports.Select(r => r.Finding.Reference)
            .Append(lesion.Index.Reference).Append(lesion.Finding.Reference)
            .ToHashSet(StringComparer.Ordinal);

        var latest = picture.Prefetch.Resources<DiagnosticReport>(PrefetchKeys.RadiologyReports)
            .Where(r => r.Status is { } status && FinalReport.Contains(status) && r.ConclusionCode is { Count: > 0 })
            .Where(r => lesionRefs.Contains(r.Ref()) || (r.Result ?? []).Any(x => x.Reference is { } reference && lesionRefs.Contains(reference)))
            .OrderByDescending(r => r.When()?.LowerBound ?? DateTimeOffset.MinValue)
            .FirstOrDefault();

        return latest is not null && latest.ConclusionCode!.Any(c => c.Has(ImpressionCodes.System, ImpressionCodes.BenignAppearing))
            ? new Fact<string>(ImpressionCodes.BenignAppearing, FactOrigin.Coded, latest.Ref(), latest.When()?.Value)
            : null;
    }
}
