using System.Globalization;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// R04 — small, asymptomatic, clearly benign but not a classic pattern: observe, repeat radiograph in 3–6 months
/// (clinical-pathway.md §5 R04). "Clearly benign" is riskClass non-specific with mechanism dystrophic, or the radiologist's
/// coded impression "benign-appearing calcification" on the lesion's latest final report (<see cref="RadiologistImpression"/>).
/// Size below SMALL_LESION_CM.
/// </summary>
[RuleDoc(
    "Non-classic but clearly benign (non-specific pattern with dystrophic mechanism, or a benign coded impression on the report), < SMALL_LESION_CM (2 cm), asymptomatic, no mass, no red flag, no systemic suspicion",
    "info",
    "XR tibia and fibula (LOINC 25011-8, CPT 73590) in 3–6 months",
    Sources.S3SmallBenign)]
public sealed class R04SmallBenignObserve : IRule
{
    public const string RuleId = "R04";

    public const string Summary = "Small asymptomatic benign-appearing calcification: observe and repeat X-ray in 3–6 months";

    public string Id => RuleId;

    public string Name => "Small, asymptomatic, clearly benign but not a classic pattern";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public static bool Applies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        var f = lesion.Finding;
        return ClearlyBenign(picture, lesion) is not null
            && f.SizeCm is { } size && size.Value < picture.Options.Lesion.SmallLesionCm
            && picture.Symptoms == SymptomStatus.Asymptomatic
            && !LesionCards.RedFlagStatusIncomplete(lesion)
            && LesionCards.BenignCardAllowed(picture, lesion)
            && !R03ClassicBenign.Applies(picture, lesion);
    }

    /// <summary>
    /// §5 R04 condition 1: "riskClass = nonspecific with mechanism = dystrophic, or the radiologist's impression codes it
    /// as benign (vascular patterns are excluded; they go to R15/R16)". The fact that makes the lesion clearly benign,
    /// or null. The impression branch still needs a reported pattern (§7.6: with the pattern unknown "R03/R04 can't")
    /// and no pattern that needs work-up (§5 precedence 5): only non-specific or classic-benign patterns.
    /// </summary>
    public static Fact<string>? ClearlyBenign(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        if (!lesion.PatternKnown)
        {
            return null;
        }

        if (lesion.RiskClasses.All(r => r == RiskClass.Nonspecific) && lesion.Finding.Mechanism is { Value: StcCodes.Mechanism.Dystrophic } dystrophic)
        {
            return dystrophic;
        }

        return lesion.RiskClasses.All(r => r is RiskClass.Nonspecific or RiskClass.BenignClassic)
            ? RadiologistImpression.Benign(picture, lesion)
            : null;
    }

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var lesion in picture.Lesions)
        {
            if (!Applies(picture, lesion))
            {
                continue;
            }

            var detail = LesionCards.Start(lesion);
            var benign = ClearlyBenign(picture, lesion)!;
            var byImpression = benign.Value == ImpressionCodes.BenignAppearing;
            detail.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"**Small, benign-appearing ({(byImpression ? "radiologist's impression" : "dystrophic")}) calcification** (< {picture.Options.Lesion.SmallLesionCm:0.0#} cm, a local parameter; no source defines \"small\"):"));
            detail.AppendLine(CardText.Fact("Size", lesion.Finding.SizeCm!))
                .AppendLine(CardText.Fact(byImpression ? "Radiologist's coded impression" : "Mechanism", benign));
            foreach (var pattern in lesion.Finding.Patterns)
            {
                detail.AppendLine(CardText.Fact("Pattern", pattern));
            }

            foreach (var symptom in picture.SymptomFacts)
            {
                detail.AppendLine(CardText.Fact("Symptom recorded", symptom));
            }

            detail.AppendLine().AppendLine("Observe, with a follow-up radiograph in 3–6 months to confirm stability.")
                .AppendLine("Return earlier if pain, swelling, a palpable mass or growth appears.");
            LesionCards.AppendVerifyText(detail, lesion.Finding.AnyFromText);
            CardText.AppendSources(detail, Sources.S3SmallBenign);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = [LesionOrders.FollowUpRadiograph(picture, lesion.Finding)],
            };
        }
    }
}
