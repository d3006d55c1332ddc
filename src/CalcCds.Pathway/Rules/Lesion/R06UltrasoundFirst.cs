using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>R06 — non-specific or concerning calcification, no red flags: ultrasound first (clinical-pathway.md §5 R06).</summary>
[RuleDoc(
    "Non-specific (or unreported) or concerning pattern, no red flag, no higher imaging rule, no prior ultrasound of the lesion",
    "warning",
    "US soft tissue of the lower leg",
    Sources.S1Ultrasound,
    Sources.S1UltrasoundFirst,
    Sources.S0Stippled,
    Sources.AcrVariant1)]
public sealed class R06UltrasoundFirst : IRule
{
    public const string RuleId = "R06";

    public const string Summary = "Non-specific or concerning calcification: ultrasound is the preferred next imaging test";

    public string Id => RuleId;

    public string Name => "Non-specific or concerning calcification, no red flags";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var lesion in picture.Lesions)
        {
            if (!ImagingRuleConditions.R06Applies(picture, lesion))
            {
                continue;
            }

            var detail = LesionCards.Start(lesion);
            detail.AppendLine().AppendLine("**Why:**");
            if (lesion.PatternKnown)
            {
                foreach (var pattern in lesion.Finding.Patterns)
                {
                    detail.AppendLine(CardText.Fact("Pattern", pattern));
                }
            }
            else
            {
                detail.AppendLine("- Calcification pattern not reported; treated as non-specific.");
            }

            detail.AppendLine("- No sarcoma red flag found, and no ultrasound of this side in the last 90 days.");
            LesionCards.AppendUnknowns(detail, lesion);
            detail.AppendLine()
                .AppendLine("Ultrasound is the preferred first advanced imaging: it distinguishes fluid collections, soft-tissue masses and vascular structures.")
                .AppendLine("If the ultrasound is inconclusive, go to MRI (mass suspected) or CT (to characterise mineralization).");
            LesionCards.AppendVerifyText(detail, lesion.Finding.AnyFromText);
            CardText.AppendSources(detail, Sources.S1Ultrasound, Sources.S1UltrasoundFirst, Sources.S0Stippled, Sources.AcrVariant1);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = [LesionOrders.Ultrasound(picture, lesion.Finding, urgent: false)],
            };
        }
    }
}
