using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.DataQuality;

/// <summary>
/// DQ2 — final reports of the same lesion within 90 days disagree on depth, on size across 3 or 5 cm, or on bone
/// involvement (clinical-pathway.md §5 DQ2). The rules meanwhile use the more concerning value.
/// </summary>
[RuleDoc(
    "Final reports of the same lesion within 90 days disagree on depth, on size across 3 or 5 cm, or on bone involvement",
    "warning",
    "— (reconcile; the more concerning value is used)",
    Sources.S3SingleModality)]
public sealed class Dq2ReportsDisagree : IRule
{
    public const string RuleId = "DQ2";

    public const string Summary = "Reports disagree on size or depth of the calcified lesion: reconcile before biopsy planning";

    public string Id => RuleId;

    public string Name => "Reports disagree on red-flag-relevant descriptors";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var lesion in picture.Lesions)
        {
            if (lesion.Conflicts.Count == 0)
            {
                continue;
            }

            var detail = LesionCards.Start(lesion);
            LesionCards.AppendConflicts(detail, lesion);
            detail.AppendLine()
                .AppendLine("Cross-sectional imaging (MRI > CT > US) takes precedence over the radiograph for size and depth; CT over the radiograph for matrix and pattern. Ask radiology to reconcile the reports before biopsy planning.");
            CardText.AppendSources(detail, Sources.S3SingleModality);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                OverrideReasons =
                [
                    new CdsCoding(StcCodes.Systems.Override, "radiology-already-contacted", "Radiology already contacted"),
                    new CdsCoding(StcCodes.Systems.Override, "other", "Other"),
                ],
            };
        }
    }
}
