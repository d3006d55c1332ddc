using System.Globalization;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Labs;

/// <summary>
/// R11 — CKD G5/G5D (or dialysis) with a mineral-bone disorder picture: review CKD-MBD management with nephrology
/// (clinical-pathway.md §5 "R11"). Criteria use recent final labs: corrected calcium above the KDOQI action level,
/// high phosphate on the two latest results, Ca×P high together with high P or Ca, PTH above 9 × ULN (G5D), or a
/// metastatic-type pattern on the index finding. Ca×P is never the only criterion (§4.2 caveat).
/// </summary>
[RuleDoc(
    "CKD G5/G5D or dialysis with a CKD-MBD picture (high corrected Ca, persistently high P, Ca×P with high P or Ca, PTH > 9 × ULN, or a metastatic-type pattern)",
    "warning",
    "Nephrology / CKD-MBD review; missing mineral labs",
    Sources.S0Metastatic,
    Sources.S3Metastatic,
    Sources.S4ChronicRenalFailure,
    Sources.S4FiveTypes,
    Sources.Kdoqi2003Calcium,
    Sources.Kdoqi2003CaxP,
    Sources.Kdigo2017Monitoring)]
public sealed class R11CkdMineralBoneDisorder : IRule
{
    public const string RuleId = "R11";

    public const string Summary = "CKD G5/dialysis with high Ca, phosphate or PTH: review CKD-MBD management with nephrology";

    public string Id => RuleId;

    public string Name => "CKD G5/G5D (or dialysis) with a mineral-bone disorder picture";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (!LabRuleGate.Applies(picture) || picture.Renal.Stage?.IsG5OrDialysis() != true)
        {
            yield break;
        }

        // Whether any criterion holds is all the card needs now; their text is written only for a kept card.
        if (!AnyCriterion(picture))
        {
            yield break;
        }

        var missing = picture.Systemic.Missing
            .Where(m => m.Order.Analyte is Analyte.CalciumTotal or Analyte.Albumin or Analyte.CalciumIonized or Analyte.Phosphate or Analyte.Pth)
            .ToList();
        yield return new RuleCard
        {
            RuleId = RuleId,
            LesionKey = "systemic",
            Indicator = CardIndicator.Warning,
            Summary = Summary,
            DetailWriter = () => Detail(picture, Criteria(picture).ToList(), missing, LabOrders.AlreadyOrdered(picture, missing)),
            SuggestionsWriter = () => LabOrders.Suggest(picture, missing).Suggestions,
            SelectionBehavior = SelectionBehavior.Any,
            FromPreliminaryData = picture.IndexFindings.All(f => f.IsPreliminary),
            OverrideReasons =
            [
                new CdsCoding(StcCodes.Systems.Override, "nephrology-aware", "Nephrology already managing"),
                new CdsCoding(StcCodes.Systems.Override, "other", "Other"),
            ],
        };
    }

    private static string Detail(PatientPicture picture, List<string> criteria, List<MissingLab> missing, IReadOnlyList<string> already)
    {
        var detail = CardText.NewDetail();
        LabCardText.AppendFindings(detail, picture);
        LabCardText.AppendLines(detail, $"**Kidney status: CKD {picture.Renal.Stage}**", picture.Renal.CkdEvidence);
        LabCardText.AppendLines(detail, "**Mineral-bone disorder picture:**", criteria);
        detail.AppendLine()
            .AppendLine("Soft-tissue (metastatic) calcification in advanced CKD reflects CKD-mineral-bone disorder. Review with nephrology the phosphate binder (calcium-based binders), active vitamin D dosing and the dialysate calcium.")
            .AppendLine("KDOQI 2003: keep Ca×P below 55 mg²/dL²; if corrected calcium is above 10.2 mg/dL, reduce calcium-raising therapies. KDIGO 2017: decide on trends of Ca, P and PTH together, not on a single value or the Ca×P product; PTH target about 2–9 × the assay upper limit in G5D.");
        LabCardText.AppendMissing(detail, "**Monitoring labs missing or stale:**", missing);
        LabCardText.AppendLines(detail, "**Already ordered:**", already);
        LabCardText.AppendPreliminary(detail, picture.LabHistory);
        LabCardText.AppendDataQuality(detail, picture.LabHistory);
        CardText.AppendSources(detail, Sources.S0Metastatic, Sources.S3Metastatic, Sources.S4ChronicRenalFailure, Sources.S4FiveTypes, Sources.Kdoqi2003Calcium, Sources.Kdoqi2003CaxP, Sources.Kdigo2017Monitoring);
        return CardText.Finish(detail);
    }

    /// <summary>
    /// Whether <see cref="Criteria"/> would list anything, without writing a line: the card is often dropped by the
    /// budget, and the first line alone describes a lab result. Keep the two in step.
    /// </summary>
    private static bool AnyCriterion(PatientPicture picture)
    {
        var labs = picture.Labs;
        var options = picture.Options.Labs;
        if ((labs.TotalCalcium is { Recent: true } total && total.Value.IsAbove(options.Ckd5CalciumActionMgDl) == true)
            || labs.Calcium is { Recent: true, Measure: CalciumMeasure.Ionized, High: true }
            || (labs.HyperphosphatemiaConsecutive && labs.Hyperphosphatemia is { Recent: true })
            || (labs.CaxpHigh is { Recent: true } && (labs.Hyperphosphatemia is not null || labs.Hypercalcemia is not null))
            || labs.PthVeryHigh is { Recent: true })
        {
            return true;
        }

        foreach (var finding in picture.IndexFindings)
        {
            if (IndexFindingSignals.SystemicPatternFacts(finding).Any())
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Criteria(PatientPicture picture)
    {
        var labs = picture.Labs;
        var options = picture.Options.Labs;
        if (labs.TotalCalcium is { Recent: true } total && total.Value.IsAbove(options.Ckd5CalciumActionMgDl) == true)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"- Calcium above {options.Ckd5CalciumActionMgDl} mg/dL (KDOQI action level):") + " " + total.Describe()[2..];
        }
        else if (labs.Calcium is { Recent: true, Measure: CalciumMeasure.Ionized, High: true } ionized)
        {
            yield return "- High ionized calcium: " + ionized.Describe()[2..];
        }

        var phosphates = labs.History.Final(Analyte.Phosphate).Take(2).ToList();
        if (labs.HyperphosphatemiaConsecutive && labs.Hyperphosphatemia is { Recent: true })
        {
            yield return "- High phosphate on the two latest results: " + string.Join("; ", phosphates.Select(p => p.Describe()));
        }

        if (labs.CaxpHigh is { Recent: true } caxp && (labs.Hyperphosphatemia is not null || labs.Hypercalcemia is not null))
        {
            yield return $"- {caxp.Text}, with high phosphate or calcium";
        }

        if (labs.PthVeryHigh is { Recent: true } pth)
        {
            yield return $"- {pth.Text}: {pth.Results[0].Describe()}";
        }

        foreach (var finding in picture.IndexFindings)
        {
            foreach (var pattern in IndexFindingSignals.SystemicPatternFacts(finding))
            {
                yield return CardText.Fact("Pattern suggesting metastatic calcification", pattern);
            }
        }
    }
}
