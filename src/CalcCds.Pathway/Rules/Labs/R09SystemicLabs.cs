using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Labs;

/// <summary>
/// R09 — a systemic cause is suspected and the mineral/renal/inflammatory panel is missing or stale
/// (clinical-pathway.md §5 "R09", §4.4, §7.2, §7.6). Warning, with one lab ServiceRequest per missing test. Fires
/// independently of the imaging rules (§5 precedence item 4), only with an index finding (§1.4).
/// </summary>
[RuleDoc(
    "SYSTEMIC_SUSPECT with the mineral/renal/inflammatory panel missing or stale (index finding required)",
    "warning",
    "One lab order per missing test: Ca + albumin (or iCa), P, PTH, creatinine/eGFR, ESR/CRP (± 25-OH D)",
    Sources.S0LabTesting,
    Sources.S0Metastatic,
    Sources.S3Metastatic,
    Sources.S3SystemicPitfall,
    Sources.S2Metastatic,
    Sources.S2TumoralCalcinosis,
    Sources.S4ChronicRenalFailure,
    Sources.S4NormalCalcium,
    Sources.Kdigo2017Monitoring)]
public sealed class R09SystemicLabs : IRule
{
    public const string RuleId = "R09";

    public const string Summary = "Possible metastatic calcification: check calcium, albumin, phosphate, PTH, renal function, ESR/CRP";

    public string Id => RuleId;

    public string Name => "Systemic cause suspected, labs missing or stale";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var systemic = LabRuleGate.Applies(picture) ? picture.Systemic : null;
        if (systemic is null || !systemic.Suspect || systemic.LabsComplete)
        {
            yield break;
        }

        var (suggestions, already) = LabOrders.Suggest(picture, systemic.Missing);
        yield return new RuleCard
        {
            RuleId = RuleId,
            LesionKey = "systemic",
            Indicator = CardIndicator.Warning,
            Summary = Summary,
            DetailWriter = () => Detail(picture, systemic, already),
            Suggestions = suggestions,
            SelectionBehavior = SelectionBehavior.Any,
            FromPreliminaryData = picture.IndexFindings.All(f => f.IsPreliminary),
            OverrideReasons =
            [
                new CdsCoding(StcCodes.Systems.Override, "labs-done-elsewhere", "Labs done elsewhere"),
                new CdsCoding(StcCodes.Systems.Override, "systemic-cause-excluded", "Systemic cause already excluded"),
                new CdsCoding(StcCodes.Systems.Override, "other", "Other"),
            ],
        };
    }

    private static string Detail(PatientPicture picture, SystemicFacts systemic, IReadOnlyList<string> already)
    {
        var detail = CardText.NewDetail();
        LabCardText.AppendFindings(detail, picture);
        LabCardText.AppendLines(detail, "**Why a systemic cause is suspected:**", systemic.Reasons.Select(r => r.Text));
        LabCardText.AppendMissing(detail, $"**Missing or stale tests** (recency for this patient: {picture.Labs.Recency.Context}):", systemic.Missing);
        LabCardText.AppendLines(detail, "**Already ordered:**", already);
        detail.AppendLine()
            .AppendLine("Metastatic calcification comes from abnormal calcium/phosphate metabolism: renal failure, hyperparathyroidism, vitamin D excess, sarcoidosis, milk-alkali syndrome. A normal calcium does not exclude it.")
            .AppendLine("In tumoral calcinosis about half of patients have renal lab abnormalities.");
        if (systemic.VitaminDRequired)
        {
            detail.AppendLine("25-OH vitamin D is included: vitamin D intake, hypervitaminosis D, or high calcium without a high PTH.");
        }

        LabCardText.AppendPreliminary(detail, picture.LabHistory);
        LabCardText.AppendDataQuality(detail, picture.LabHistory);
        CardText.AppendSources(detail, Sources.S0LabTesting, Sources.S0Metastatic, Sources.S3Metastatic, Sources.S3SystemicPitfall, Sources.S2Metastatic, Sources.S2TumoralCalcinosis, Sources.S4ChronicRenalFailure, Sources.S4NormalCalcium, Sources.Kdigo2017Monitoring);
        return CardText.Finish(detail);
    }
}
