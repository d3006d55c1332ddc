using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// R03 — classic benign pattern, asymptomatic: no further evaluation (clinical-pathway.md §5 R03). Every pattern is
/// benign-classic, the patient is asymptomatic (never assumed), no mass, no red flag and none unknown, no lesion sign
/// of a systemic cause, matrix not indeterminate next to bone. Final data only.
/// </summary>
[RuleDoc(
    "Every pattern benign-classic, patient documented asymptomatic, no mass, no red flag and none unknown, no systemic suspicion, matrix not indeterminate next to bone",
    "info",
    "— (no further evaluation)",
    Sources.S0ClassicBenign,
    Sources.S1ClassicBenign)]
public sealed class R03ClassicBenign : IRule
{
    public const string RuleId = "R03";

    public const string Summary = "Classic benign calcification pattern, asymptomatic: no further evaluation needed";

    public string Id => RuleId;

    public string Name => "Classic benign pattern, asymptomatic";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public static bool Applies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.PatternKnown && lesion.RiskClasses.All(r => r == RiskClass.BenignClassic)
            && picture.Symptoms == SymptomStatus.Asymptomatic
            && !LesionCards.RedFlagStatusIncomplete(lesion)
            && LesionCards.BenignCardAllowed(picture, lesion);
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
            detail.AppendLine().Append("**Benign pattern:** ").AppendLine(string.Join(", ", lesion.Finding.Patterns.Select(p => PatternRisk.Display(p.Value))));
            foreach (var pattern in lesion.Finding.Patterns)
            {
                detail.AppendLine(CardText.Fact("Pattern", pattern));
            }

            foreach (var symptom in picture.SymptomFacts)
            {
                detail.AppendLine(CardText.Fact("Symptom recorded", symptom));
            }

            detail.AppendLine().AppendLine("Most soft-tissue calcifications are benign and incidental. No further imaging or labs are required.")
                .AppendLine("Re-evaluate if symptoms appear or the lesion grows.");
            LesionCards.AppendVerifyText(detail, lesion.Finding.AnyFromText);
            CardText.AppendSources(detail, Sources.S0ClassicBenign, Sources.S1ClassicBenign);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
            };
        }
    }
}
