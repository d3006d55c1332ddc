using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R14 — head or spinal cord injury or paralysis → consider heterotopic ossification (§5). Fires on HO_RISK with an
/// ossified or indeterminate matrix, or the peripheral-zonal pattern. Info, no orders (R07 covers an indeterminate
/// matrix).
/// </summary>
[RuleDoc(
    "Head/spinal cord injury or paralysis with an ossified or indeterminate matrix, or the peripheral-zonal pattern",
    "info",
    "—",
    Sources.S2HeadInjury)]
public sealed class R14HeterotopicOssificationRisk : IRule
{
    public const string RuleId = "R14";

    public const string Summary = "Head or spinal cord injury/paralysis: consider heterotopic ossification";

    public string Id => RuleId;

    public string Name => "Head/spinal cord injury or paralysis";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var risk = picture.Context.HeterotopicOssificationRisk;
        if (!risk.IsSet)
        {
            yield break;
        }

        foreach (var finding in picture.IndexFindings)
        {
            var matrix = FindingDescriptors.Of(finding).Matrix;
            var zonal = ContextText.Patterns(finding, StcCodes.Pattern.PeripheralZonal).ToList();
            var ossifying = matrix?.Value is StcCodes.Matrix.Ossification or StcCodes.Matrix.Indeterminate;
            if (!ossifying && zonal.Count == 0)
            {
                continue;
            }

            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Facts:**").Evidence("HO risk", risk).Fact("Matrix", matrix).Facts("Pattern", zonal);
            detail.Paragraph("Heterotopic ossification is a common complication of closed head injury, paraplegia and quadriplegia. It is typically around the hips, elbows and shoulders, but the knee can be involved.")
                .Paragraph("Look for organised cortex and medullary space (CT, R07). ICD-10-CM M61.2- covers paralytic calcification/ossification.");
            if (matrix?.Value == StcCodes.Matrix.Indeterminate)
            {
                detail.Paragraph("The matrix is indeterminate: CT without contrast (R07) answers whether this is mature bone.");
            }

            detail.VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S2HeadInjury);
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
