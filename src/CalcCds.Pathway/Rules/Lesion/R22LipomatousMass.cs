using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// R22 — calcification within a lipomatous (fatty) mass: exclude liposarcoma (clinical-pathway.md §5 R22). Fires
/// alongside R01/R02 (they are not suppressed by specific-pattern rules); its MRI suggestion then moves into theirs.
/// </summary>
[RuleDoc(
    "Calcification within a mass that is fat-containing on the report or a known lipoma",
    "warning",
    "MRI lower leg without and with contrast; size/depth triage",
    Sources.S4Liposarcoma)]
public sealed class R22LipomatousMass : IRule
{
    public const string RuleId = "R22";

    public const string Summary = "Calcification within a fatty mass: liposarcoma must be excluded; MRI and size/depth triage";

    public string Id => RuleId;

    public string Name => "Calcification within a lipomatous (fatty) mass";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var lesion in picture.Lesions)
        {
            if (!ImagingRuleConditions.R22Applies(picture, lesion))
            {
                continue;
            }

            var detail = LesionCards.Start(lesion);
            detail.AppendLine().AppendLine("**Fatty mass:**").AppendLine(CardText.Fact("Associated mass", lesion.Mass!));
            foreach (var lipoma in ImagingRuleConditions.LipomaOnFile(picture))
            {
                detail.AppendLine(CardText.Fact("Lipoma on file", lipoma.Fact));
            }

            if (ImagingRuleConditions.FattyMassSentence(lesion) is { } sentence)
            {
                detail.Append("- Report wording (read from report text; verify): \"").Append(CardText.Quote(sentence)).AppendLine("\"");
            }

            detail.AppendLine()
                .AppendLine("Calcification or ossification in a lipomatous mass is more often seen with well-differentiated liposarcoma / atypical lipomatous tumour than with a simple lipoma.")
                .AppendLine("Obtain MRI and apply the size/depth triage. A lipoma diagnosis on file does not exclude this.");
            var sarcomaCard = LesionCards.SarcomaCardFires(picture, lesion);
            var mri = picture.PriorImaging(lesion.Index, ImagingModality.Mri);
            if (sarcomaCard)
            {
                detail.AppendLine("MRI as directed by the sarcoma centre (see the sarcoma referral card).");
            }
            else if (mri is not null)
            {
                detail.Append("MRI already done: ").AppendLine(mri.Describe());
            }

            CardText.AppendSources(detail, Sources.S4Liposarcoma);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = sarcomaCard || mri is not null ? [] : [LesionOrders.Mri(picture, lesion.Finding)],
            };
        }
    }
}
