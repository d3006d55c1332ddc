using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Labs;

/// <summary>
/// R25 (optional, off by default: Product decision 5) — dialysis patient with painful calcified skin or subcutaneous
/// lesions: consider calciphylaxis (clinical-pathway.md §5 "R25"). Needs CKD G5D, a superficial lesion (skin or
/// subcutis: above the deep fascia), pain at the site, and a skin ulcer or necrosis of the leg on the problem list.
/// </summary>
[RuleDoc(
    "Dialysis (CKD G5D) with a painful superficial calcified lesion and a leg skin ulcer or necrosis on the problem list",
    "warning",
    "— (urgent nephrology/dermatology in the text)",
    Sources.S4FiveTypes,
    Sources.S4ChronicRenalFailure)]
public sealed class R25Calciphylaxis : IRule
{
    public const string RuleId = "R25";

    public const string Summary = "Dialysis patient with painful calcified skin/subcutaneous lesions: consider calciphylaxis";

    public string Id => RuleId;

    public string Name => "Dialysis patient with painful calcified skin or subcutaneous lesions";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public bool OptionalOffByDefault => true;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (!LabRuleGate.Applies(picture) || picture.Renal.Stage != CkdStage.G5D)
        {
            yield break;
        }

        var ulcers = picture.Conditions.Active(LabConcepts.LegSkinUlcerOrNecrosis);
        if (ulcers.Count == 0)
        {
            yield break;
        }

        var recordedPain = picture.SymptomFacts.Where(f => f.Value.Present && f.Value.Symptom.Contains("pain", StringComparison.OrdinalIgnoreCase));
        foreach (var finding in picture.IndexFindings.Where(f => f.Depth?.Value == DepthValue.Superficial))
        {
            var pain = (finding.Pain is { Value: true } atSite
                    ? [new Fact<SymptomRecord>(new SymptomRecord("pain at the site", true), atSite.Origin, atSite.Reference, atSite.Date)]
                    : Enumerable.Empty<Fact<SymptomRecord>>())
                .Concat(recordedPain)
                .DistinctBy(f => (f.Reference, f.Value.Symptom))
                .ToList();
            if (pain.Count == 0)
            {
                continue;
            }

            var detail = CardText.NewDetail();
            CardText.AppendFindingLine(detail, finding);
            detail.AppendLine(CardText.Fact("Depth", finding.Depth!));
            foreach (var pattern in finding.Patterns)
            {
                detail.AppendLine(CardText.Fact("Pattern", pattern));
            }

            LabCardText.AppendLines(detail, "**Dialysis:**", picture.Renal.CkdEvidence);
            LabCardText.AppendLines(detail, "**Pain at the site:**", pain.Select(p => CardText.Fact("Symptom", p)));
            LabCardText.AppendLines(detail, "**Skin ulcer or necrosis:**", ulcers.Select(u => CardText.Fact("Condition", u.Fact)));
            detail.AppendLine()
                .AppendLine("Calciphylaxis is one of the types of soft-tissue calcification. Urgency and management are not sourced in this pathway: discuss urgently with nephrology and dermatology.")
                .AppendLine("This optional rule is enabled by local configuration; a nephrology owner should have approved it.");
            CardText.AppendSources(detail, Sources.S4FiveTypes, Sources.S4ChronicRenalFailure);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = finding.LesionKey,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                FromPreliminaryData = finding.IsPreliminary,
                OverrideReasons =
                [
                    new CdsCoding(StcCodes.Systems.Override, "nephrology-aware", "Nephrology already managing"),
                    new CdsCoding(StcCodes.Systems.Override, "other", "Other"),
                ],
            };
        }
    }
}
