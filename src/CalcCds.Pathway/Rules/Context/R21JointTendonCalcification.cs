using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R21 — joint, periarticular or tendon calcification → crystal disease or tumoral calcinosis (§5). Fires on an
/// intra-articular, periarticular, intratendinous or bursal location, or the chondrocalcinosis / globular-periarticular
/// patterns, with the sub-message of each variant. Info; the tumoral-calcinosis labs are R09's, and a periarticular
/// mass still gets the size/depth triage (R01).
/// </summary>
[RuleDoc(
    "Intra-articular, periarticular, intratendinous or bursal location, or chondrocalcinosis / globular-periarticular pattern",
    "info",
    "— (tumoral-calcinosis labs via R09)",
    Sources.S0Tendon,
    Sources.S4Cppd,
    Sources.S2TumoralCalcinosisLabs,
    Sources.S4SynovialSarcoma)]
public sealed class R21JointTendonCalcification : IRule
{
    public const string RuleId = "R21";

    public const string Summary = "Joint, periarticular or tendon calcification: consider CPPD, HADD/calcific tendinitis, gout or tumoral calcinosis";

    private static readonly string[] JointLocations =
        [StcCodes.Location.IntraArticular, StcCodes.Location.Periarticular, StcCodes.Location.Intratendinous, StcCodes.Location.Bursal];

    public string Id => RuleId;

    public string Name => "Joint, periarticular or tendon calcification";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var finding in picture.IndexFindings)
        {
            var locations = FindingDescriptors.Of(finding).Locations.Where(l => JointLocations.Contains(l.Value, StringComparer.Ordinal)).ToList();
            var patterns = ContextText.Patterns(finding, StcCodes.Pattern.Chondrocalcinosis, StcCodes.Pattern.GlobularPeriarticular).ToList();
            if (locations.Count == 0 && patterns.Count == 0)
            {
                continue;
            }

            var has = locations.Concat(patterns).Select(f => f.Value).ToHashSet(StringComparer.Ordinal);
            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Facts:**").Facts("Location", locations).Facts("Pattern", patterns).AppendLine();
            if (has.Contains(StcCodes.Location.IntraArticular) || has.Contains(StcCodes.Pattern.Chondrocalcinosis))
            {
                detail.AppendLine("- Intra-articular / chondrocalcinosis: CPPD most likely.");
            }

            if (has.Contains(StcCodes.Location.Intratendinous) || has.Contains(StcCodes.Location.Bursal))
            {
                detail.AppendLine("- Intratendinous / bursal: hydroxyapatite deposition / calcific tendinitis (M11.0-, M65.2-; bursal deposit M71.4-).");
            }

            if (has.Contains(StcCodes.Location.Periarticular))
            {
                detail.AppendLine("- Periarticular: consider gout if a tophus-like soft-tissue density is present; tophi rarely calcify without renal disease, so check renal function.");
            }

            if (has.Contains(StcCodes.Pattern.GlobularPeriarticular))
            {
                detail.AppendLine("- Large globular periarticular calcification: tumoral calcinosis; about half have renal lab abnormalities, so run the systemic labs (R09).");
            }

            detail.Paragraph("A periarticular soft-tissue mass still gets the size/depth triage (R01): synovial sarcoma is often juxta-articular.")
                .VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S0Tendon, Sources.S4Cppd, Sources.S2TumoralCalcinosisLabs, Sources.S4SynovialSarcoma);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = finding.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                FromPreliminaryData = finding.IsPreliminary,
                OverrideReasons = ContextText.OverrideReasons,
            };
        }
    }
}
