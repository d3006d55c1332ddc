using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// R07 — mineralization or matrix needs characterising: CT without contrast (clinical-pathway.md §5 R07). Matrix
/// indeterminate, juxtacortical location, or peripheral-zonal mineralization without a confirmed mature cortex; no CT
/// in the window; folded into R01/R02 when they fire.
/// </summary>
[RuleDoc(
    "Matrix indeterminate, juxtacortical location, or peripheral-zonal mineralization without a mature cortex; no recent CT; folded into R01/R02 when they fire",
    "info",
    "CT lower leg without contrast",
    Sources.S0Ct,
    Sources.S1Ct)]
public sealed class R07CtForMineralization : IRule
{
    public const string RuleId = "R07";

    public const string Summary = "CT best characterizes mineralization and can separate ossification from calcification";

    public string Id => RuleId;

    public string Name => "Mineralization or matrix needs characterising";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var lesion in picture.Lesions)
        {
            if (!ImagingRuleConditions.R07Applies(picture, lesion))
            {
                continue;
            }

            var detail = LesionCards.Start(lesion);
            detail.AppendLine().AppendLine("**Why:**");
            foreach (var reason in ImagingRuleConditions.R07Reasons(lesion.Finding))
            {
                detail.AppendLine(reason);
            }

            detail.AppendLine()
                .AppendLine("CT without contrast shows the mineralization pattern, the relationship to bone and surrounding structures, and whether there is a mature peripheral cortex (myositis ossificans / heterotopic ossification) rather than an aggressive matrix.");
            LesionCards.AppendVerifyText(detail, lesion.Finding.AnyFromText);
            CardText.AppendSources(detail, Sources.S0Ct, Sources.S1Ct);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = [LesionOrders.Ct(picture, lesion.Finding)],
                FromPreliminaryData = lesion.Finding.IsPreliminary,
            };
        }
    }
}
