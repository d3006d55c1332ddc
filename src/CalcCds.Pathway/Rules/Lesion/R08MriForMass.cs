using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>R08 — soft-tissue mass suspected, no red flags: MRI (clinical-pathway.md §5 R08). A mass on imaging or on clinical exam.</summary>
[RuleDoc(
    "Soft-tissue mass present (imaging or exam), no red flag, not R22/R01/R02, no MRI in the window",
    "warning",
    "MRI lower leg without and with contrast",
    Sources.S1Mri,
    Sources.S3Mri)]
public sealed class R08MriForMass : IRule
{
    public const string RuleId = "R08";

    public const string Summary = "Calcification with a suspected soft-tissue mass: MRI is the test of choice";

    public string Id => RuleId;

    public string Name => "Soft-tissue mass suspected, no red flags";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var lesion in picture.Lesions)
        {
            if (!ImagingRuleConditions.R08Applies(picture, lesion))
            {
                continue;
            }

            var detail = LesionCards.Start(lesion);
            detail.AppendLine().AppendLine("**Mass:**").AppendLine(CardText.Fact("Associated mass", lesion.Mass!));
            detail.AppendLine("- No sarcoma red flag found, and no MRI of this side in the last 90 days.");
            LesionCards.AppendUnknowns(detail, lesion);
            detail.AppendLine()
                .AppendLine("- MRI best characterises the soft-tissue component, marrow involvement next to bone, and neurovascular relationships.")
                .AppendLine("- If imaging suggests malignancy, refer to a sarcoma centre before biopsy.")
                .AppendLine("- If MRI is contraindicated: CT with IV contrast. Check renal function before gadolinium.");
            LesionCards.AppendVerifyText(detail, lesion.Mass!.FromText || lesion.Finding.AnyFromText);
            CardText.AppendSources(detail, Sources.S1Mri, Sources.S3Mri);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = [LesionOrders.Mri(picture, lesion.Finding)],
            };
        }
    }
}
