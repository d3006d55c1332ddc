using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R20 — rice-grain or crescentic calcifications → parasitic cause (cysticercosis, dracunculiasis), §5. Info;
/// Product decision 6: infectious-disease advice stays in the text, no orders.
/// </summary>
[RuleDoc(
    "Rice-grain or crescentic calcifications",
    "info",
    "— (infectious-disease advice in the text)",
    Sources.S4RiceGrain,
    Sources.S2Parasitic)]
public sealed class R20ParasiticCalcification : IRule
{
    public const string RuleId = "R20";

    public const string Summary = "Rice-grain or crescentic calcifications suggest a parasitic cause (cysticercosis or dracunculiasis)";

    public string Id => RuleId;

    public string Name => "Rice-grain or crescentic calcifications";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var finding in picture.IndexFindings)
        {
            var riceGrain = ContextText.Patterns(finding, StcCodes.Pattern.RiceGrain).ToList();
            var crescentic = ContextText.Patterns(finding, StcCodes.Pattern.Crescentic).ToList();
            if (riceGrain.Count == 0 && crescentic.Count == 0)
            {
                continue;
            }

            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Facts:**").Facts("Pattern", riceGrain).Facts("Pattern", crescentic);
            if (riceGrain.Count > 0)
            {
                detail.Paragraph("Rice-grain calcifications aligned with the muscle fibres are classic for cysticercosis (dead cysticerci). Ask about neurological symptoms (design choice, not stated in the seeds). ICD-10-CM B69.-.");
            }

            if (crescentic.Count > 0)
            {
                detail.Paragraph("Small crescentic or linear subcutaneous calcifications suggest dracunculiasis (a dead worm). ICD-10-CM B72.");
            }

            detail.Paragraph("Ask about residence and travel; consider infectious-disease input.").VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S4RiceGrain, Sources.S2Parasitic);
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
