using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Labs;

/// <summary>
/// R10 — recent final labs show high calcium, phosphate, Ca×P (non-dialysis), PTH or toxic vitamin D: metastatic
/// calcification is likely; treat the underlying disease (clinical-pathway.md §5 "R10", §4.1–§4.2). Warning; critical
/// and protected from the card budget when hypercalcaemia is severe (Product decisions 3 and 8).
/// </summary>
[RuleDoc(
    "Recent final labs: high corrected calcium, phosphate, Ca×P (non-dialysis), PTH or toxic 25-OH vitamin D",
    "warning · critical (never dropped) for severe hypercalcaemia (corrected Ca ≥ 14 mg/dL or HH flag)",
    "Missing confirmatory labs; treat the underlying cause, specialist input",
    Sources.S0TreatUnderlying,
    Sources.S0Metastatic,
    Sources.S2Metastatic,
    Sources.S4NormalCalcium,
    Sources.Kdoqi2003CaxP,
    Sources.VitaminDToxicity,
    Sources.SevereHypercalcemia,
    Sources.CorrectedCalcium)]
public sealed class R10AbnormalMineralLabs : IRule
{
    public const string RuleId = "R10";

    public const string WarningSummary = "Abnormal Ca/phosphate/PTH/vitamin D with soft-tissue calcification: find and treat the cause";

    public const string CriticalSummary = "Severe hypercalcemia with soft-tissue calcification: urgent evaluation and treatment needed";

    public string Id => RuleId;

    public string Name => "Abnormal mineral labs";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (!LabRuleGate.Applies(picture))
        {
            yield break;
        }

        var labs = picture.Labs;
        var renal = picture.Renal;
        var flags = labs.AbnormalFlags
            .Where(f => f.Recent && f.Name != "PTH_VERY_HIGH" && !(f.Name == "CAXP_HIGH" && renal.OnDialysis))
            .ToList();
        if (flags.Count == 0)
        {
            yield break;
        }

        var severe = labs.HypercalcemiaSevere && flags.Any(f => f.Name == "HYPERCALCEMIA");
        var missing = picture.Systemic.Missing.Where(m => m.Order.Analyte is Analyte.Pth or Analyte.VitaminD25)
            .Concat(MissingVitaminD(picture))
            .DistinctBy(m => m.Order.OrderLoinc)
            .ToList();
        var (suggestions, already) = LabOrders.Suggest(picture, missing);
        yield return new RuleCard
        {
            RuleId = RuleId,
            LesionKey = "systemic",
            Indicator = severe ? CardIndicator.Critical : CardIndicator.Warning,
            Protected = severe,
            Summary = severe ? CriticalSummary : WarningSummary,
            DetailWriter = () => Detail(picture, flags, severe, missing, already),
            Suggestions = suggestions,
            SelectionBehavior = SelectionBehavior.Any,
            FromPreliminaryData = picture.IndexFindings.All(f => f.IsPreliminary),
            OverrideReasons =
            [
                new CdsCoding(StcCodes.Systems.Override, "cause-known-and-treated", "Cause known and being treated"),
                new CdsCoding(StcCodes.Systems.Override, "other", "Other"),
            ],
        };
    }

    private static string Detail(PatientPicture picture, List<LabFlag> flags, bool severe, List<MissingLab> missing, IReadOnlyList<string> already)
    {
        var labs = picture.Labs;
        var renal = picture.Renal;
        var detail = CardText.NewDetail();
        LabCardText.AppendFindings(detail, picture);
        LabCardText.AppendLines(detail, "**Abnormal results:**", flags.Select(f => f.Line));
        if (labs.Calcium is { } calcium)
        {
            detail.AppendLine().Append("Calcium method: ").Append(calcium.Method).AppendLine(".");
            if (severe)
            {
                detail.AppendLine("Severe hypercalcaemia (corrected calcium ≥ " + picture.Options.Labs.SevereCalciumMgDl + " mg/dL or a critical-high flag from the lab): urgent evaluation and treatment.");
            }
        }

        LabCardText.AppendItems(detail, "**Pattern hints** (not diagnoses):", Hints(labs, renal, picture.Options.Labs.VitaminDToxicNgMl));
        if (EarlierResults(picture.LabHistory, flags) is { } earlier)
        {
            LabCardText.AppendResults(detail, "**Earlier result within 24 h** (the later one is used, §7.3):", earlier);
        }

        detail.AppendLine()
            .AppendLine("Treat the underlying condition and monitor the calcification for progression. Consider endocrinology (parathyroid/vitamin D) or nephrology input.");
        LabCardText.AppendMissing(detail, "**Add to complete the picture:**", missing);
        LabCardText.AppendLines(detail, "**Already ordered:**", already);
        LabCardText.AppendPreliminary(detail, picture.LabHistory);
        LabCardText.AppendDataQuality(detail, picture.LabHistory);
        CardText.AppendSources(detail, Sources.S0TreatUnderlying, Sources.S0Metastatic, Sources.S2Metastatic, Sources.S4NormalCalcium, Sources.Kdoqi2003CaxP, Sources.VitaminDToxicity, Sources.SevereHypercalcemia, Sources.CorrectedCalcium);
        return CardText.Finish(detail);
    }

    /// <summary>Earlier final results of the flags' analytes drawn within 24 h before the ones used, each once, in flag order; null when none.</summary>
    private static List<LabResult>? EarlierResults(LabHistory history, List<LabFlag> flags)
    {
        var window = TimeSpan.FromHours(24);
        List<LabResult>? earlier = null;
        foreach (var flag in flags)
        {
            foreach (var result in flag.Results)
            {
                foreach (var candidate in history.All(result.Analyte))
                {
                    // LabHistory.EarlierWithin, without its iterator.
                    if (LabHistory.IsEarlierWithin(candidate, result, window) && (earlier is null || !earlier.Contains(candidate)))
                    {
                        (earlier ??= []).Add(candidate);
                    }
                }
            }
        }

        return earlier;
    }

    /// <summary>R10: "If PTH or 25-OH D is missing, add them" — 25-OH D even when §4.4 would not require it.</summary>
    private static IEnumerable<MissingLab> MissingVitaminD(PatientPicture picture)
    {
        var latest = picture.LabHistory.Latest(Analyte.VitaminD25);
        if (latest is null || !picture.Labs.Recency.IsRecent(latest))
        {
            var last = picture.LabHistory.LatestAny(Analyte.VitaminD25);
            yield return new MissingLab("25-OH vitamin D", AnalyteInfo.Of(Analyte.VitaminD25), last, last is null ? "no result" : "not recent or not final");
        }
    }

    /// <summary>The R10 detail table of lab patterns.</summary>
    private static IEnumerable<string> Hints(LabFacts labs, RenalStatus renal, decimal vitaminDToxic)
    {
        var calciumHigh = labs.Hypercalcemia is not null;
        var pth = labs.Pth;
        var pthHigh = pth?.IsHigh == true;
        var pthLow = pth?.Low is { } low && pth.Value!.IsBelow(low) == true;
        if (calciumHigh && pth is not null && !pthLow)
        {
            yield return pthHigh
                ? "High calcium with high PTH: primary hyperparathyroidism."
                : "High calcium with an inappropriately normal PTH: primary hyperparathyroidism.";
        }

        if (labs.Hyperphosphatemia is not null && pthHigh && renal.HasEgfrBelow(60m))
        {
            yield return "High phosphate, high PTH and low eGFR: CKD-related secondary hyperparathyroidism.";
        }

        if (calciumHigh && pthLow)
        {
            yield return "High calcium with low PTH: PTH-independent — vitamin D excess, granulomatous disease (sarcoidosis), milk-alkali syndrome; malignancy hypercalcaemia is outside this pathway's sources.";
        }

        if (labs.VitaminDToxic is not null)
        {
            yield return $"25-OH vitamin D above {vitaminDToxic} ng/mL: vitamin D toxicity.";
        }
    }
}
