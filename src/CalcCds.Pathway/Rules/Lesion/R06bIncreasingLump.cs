using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>R06b — lump increasing in size (no other red flag): urgent ultrasound within 2 weeks (clinical-pathway.md §5 R06b).</summary>
[RuleDoc(
    "Lump increasing in size with no other red flag and no ultrasound in the last 14 days",
    "warning",
    "Urgent US soft tissue (≤ 2 weeks)",
    Sources.Ng12,
    Sources.UkSarcoma2024,
    Sources.S0ReferralFeatures)]
public sealed class R06bIncreasingLump : IRule
{
    public const string RuleId = "R06b";

    public const string Summary = "Calcified lump increasing in size: arrange an urgent ultrasound (within 2 weeks)";

    public string Id => RuleId;

    public string Name => "Lump increasing in size (no other red flag)";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var lesion in picture.Lesions)
        {
            if (!ImagingRuleConditions.R06bApplies(picture, lesion))
            {
                continue;
            }

            var detail = LesionCards.Start(lesion);
            detail.AppendLine().AppendLine("**Increasing in size:**");
            LesionCards.AppendFlags(detail, [lesion.Increasing]);
            LesionCards.AppendUnknowns(detail, lesion);
            detail.AppendLine()
                .AppendLine("- NICE NG12: adults with an unexplained lump that is increasing in size → urgent direct-access ultrasound within 2 weeks.")
                .AppendLine("- If the ultrasound suggests sarcoma, or is uncertain with persisting concern → suspected-cancer-pathway referral.")
                .AppendLine("- Children and young people: within 48 hours.");
            LesionCards.AppendVerifyText(detail, lesion.Increasing.FromText);
            CardText.AppendSources(detail, Sources.Ng12, Sources.UkSarcoma2024, Sources.S0ReferralFeatures);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = [LesionOrders.Ultrasound(picture, lesion.Finding, urgent: true)],
            };
        }
    }
}
