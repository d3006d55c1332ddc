using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// R05 — symptomatic but benign-appearing: conservative care, clinical follow-up (clinical-pathway.md §5 R05).
/// Benign-classic patterns, a dystrophic mechanism, chondrocalcinosis or an intratendinous location; vascular patterns
/// excluded; symptomatic; no mass; no red flag (with no mass, pain alone is not one).
/// </summary>
[RuleDoc(
    "Benign-classic pattern, dystrophic mechanism, chondrocalcinosis or intratendinous location (vascular patterns excluded), symptomatic, no mass, no red flag",
    "info",
    "— (conservative care, clinical follow-up)",
    Sources.S3Conservative,
    Sources.S3Correlation,
    Sources.S0FollowUpSymptomatic)]
public sealed class R05SymptomaticBenign : IRule
{
    public const string RuleId = "R05";

    public const string Summary = "Symptomatic but benign-appearing calcification: conservative care and clinical follow-up";

    public string Id => RuleId;

    public string Name => "Symptomatic but benign-appearing";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public static bool Applies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        var f = lesion.Finding;
        var benign = (lesion.PatternKnown && lesion.RiskClasses.All(r => r == RiskClass.BenignClassic))
            || f.Mechanism?.Value == StcCodes.Mechanism.Dystrophic
            || f.Patterns.Any(p => p.Value == StcCodes.Pattern.Chondrocalcinosis)
            || f.Locations.Any(l => l.Value == StcCodes.Location.Intratendinous);
        var vascular = lesion.RiskClasses.Contains(RiskClass.BenignVascular)
            || f.Locations.Any(l => l.Value is StcCodes.Location.VascularArterial or StcCodes.Location.VascularVenous);
        return benign && !vascular
            && picture.Symptoms == SymptomStatus.Symptomatic
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
            detail.AppendLine().AppendLine("**Benign-appearing, with symptoms:**");
            foreach (var pattern in lesion.Finding.Patterns)
            {
                detail.AppendLine(CardText.Fact("Pattern", pattern));
            }

            if (lesion.Finding.Mechanism is { } mechanism)
            {
                detail.AppendLine(CardText.Fact("Mechanism", mechanism));
            }

            foreach (var symptom in picture.SymptomFacts.Where(s => s.Value.Present))
            {
                detail.AppendLine(CardText.Fact("Symptom recorded", symptom));
            }

            detail.AppendLine()
                .AppendLine("- Correlate with inspection, history and point tenderness at the calcification.")
                .AppendLine("- Conservative management: anti-inflammatory medication, physical therapy, and a local steroid injection if inflammation is present.")
                .AppendLine("- Clinical follow-up. If symptoms persist or a mass becomes palpable, obtain an ultrasound.");
            LesionCards.AppendVerifyText(detail, lesion.Finding.AnyFromText);
            CardText.AppendSources(detail, Sources.S3Conservative, Sources.S3Correlation, Sources.S0FollowUpSymptomatic);
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
