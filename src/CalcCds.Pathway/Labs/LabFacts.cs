using System.Globalization;
using System.Runtime.CompilerServices;
using CalcCds.Pathway.Options;

namespace CalcCds.Pathway.Labs;

/// <summary>A derived lab flag (§4.1–§4.2) with the results it rests on and whether they are all recent (§7.2).</summary>
public sealed record LabFlag(string Name, IReadOnlyList<LabResult> Results, bool Recent, string Text)
{
    private string? line;

    /// <summary>The card line: "- high calcium (...): result; result". Written when a card first asks for it (a
    /// flag whose cards the budget drops never formats its results), then kept, as the systemic reasons (R09) and
    /// R10's abnormal results both list it.</summary>
    public string Line => line ??= FormatLine();

    /// <summary>Equal when name, results, recency and text are: the cached <see cref="Line"/> is derived from them and
    /// takes no part, exactly as when it was computed up front.</summary>
    public bool Equals(LabFlag? other) =>
        ReferenceEquals(this, other) || (other is not null
            && string.Equals(Name, other.Name, StringComparison.Ordinal)
            && EqualityComparer<IReadOnlyList<LabResult>>.Default.Equals(Results, other.Results)
            && Recent == other.Recent
            && string.Equals(Text, other.Text, StringComparison.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Name, Results, Recent, Text);

    private string FormatLine()
    {
        // One interpolation into a stack buffer: no string per result and none for the joined list.
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[512]);
        text.AppendLiteral("- ");
        text.AppendFormatted(Text);
        text.AppendLiteral(": ");
        for (var i = 0; i < Results.Count; i++)
        {
            if (i > 0)
            {
                text.AppendLiteral("; ");
            }

            Results[i].WriteDescription(ref text);
        }

        return text.ToStringAndClear();
    }
}

/// <summary>
/// The laboratory derived variables of clinical-pathway.md §4.1–§4.2, computed from final results only (preliminary
/// results never drive a decision, §7.4): the calcium hierarchy, <c>HYPERCALCEMIA(_SEVERE)</c>,
/// <c>HYPERPHOSPHATEMIA</c>, <c>CAXP(_HIGH)</c>, <c>PTH_HIGH</c>, <c>PTH_VERY_HIGH</c> (G5D) and <c>VITD_TOXIC</c>.
/// </summary>
public sealed record LabFacts
{
    public required LabHistory History { get; init; }

    public required Recency Recency { get; init; }

    /// <summary>The calcium the rules judge: ionized first when the context prefers it, else the total-calcium hierarchy.</summary>
    public CalciumStatus? Calcium { get; init; }

    /// <summary>The total-calcium hierarchy (lab-corrected, computed, uncorrected), used for Ca×P and the CKD G5 threshold.</summary>
    public CalciumStatus? TotalCalcium { get; init; }

    /// <summary>True when ionized calcium is the preferred measure (CKD G4–G5D / dialysis or albumin &lt; 3.0 g/dL).</summary>
    public bool IonizedPreferred { get; init; }

    public LabResult? Phosphate { get; init; }

    public LabResult? Pth { get; init; }

    public LabResult? VitaminD { get; init; }

    /// <summary>Ca×P in mg²/dL², when calcium and phosphate were drawn within 24 h of each other.</summary>
    public decimal? CaxP { get; init; }

    public LabFlag? Hypercalcemia { get; init; }

    public bool HypercalcemiaSevere { get; init; }

    public LabFlag? Hyperphosphatemia { get; init; }

    /// <summary>The two latest final phosphate results are both high (R11).</summary>
    public bool HyperphosphatemiaConsecutive { get; init; }

    public LabFlag? CaxpHigh { get; init; }

    public LabFlag? PthHigh { get; init; }

    public LabFlag? PthVeryHigh { get; init; }

    public LabFlag? VitaminDToxic { get; init; }

    /// <summary>The flags that are present, in card order.</summary>
    public IEnumerable<LabFlag> AbnormalFlags => new[] { Hypercalcemia, Hyperphosphatemia, CaxpHigh, PthHigh, PthVeryHigh, VitaminDToxic }.OfType<LabFlag>();

    public static LabFacts Assess(LabHistory history, Recency recency, RenalStatus renal, LabsOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(recency);
        ArgumentNullException.ThrowIfNull(renal);
        ArgumentNullException.ThrowIfNull(options);
        var pairing = TimeSpan.FromHours(options.PairedSampleHours);
        var albumin = history.Latest(Analyte.Albumin);
        var ionizedPreferred = (renal.Stage?.IsG4OrWorse() ?? false) || albumin?.Value?.IsBelow(options.IonizedPreferredAlbuminGdl) == true;
        var total = TotalHierarchy(history, recency, pairing, options);
        var ionized = history.Latest(Analyte.CalciumIonized);
        var calcium = ionized is not null && ((ionizedPreferred && recency.IsRecent(ionized)) || total is null)
            ? Judge(CalciumMeasure.Ionized, ionized.Value!, ionized, null, recency, options)
            : total;

        var phosphate = history.Latest(Analyte.Phosphate);
        var pth = history.Latest(Analyte.Pth);
        var vitaminD = history.Latest(Analyte.VitaminD25);
        var caxp = total is not null && phosphate is not null && (total.Calcium.When - phosphate.When).Duration() <= pairing
            && total.Value.Comparator == Comparator.None && phosphate.Value!.Comparator == Comparator.None
            ? total.Value.Value * phosphate.Value.Value
            : (decimal?)null;

        var lastTwoPhosphate = history.Final(Analyte.Phosphate).Take(2).ToList();
        return new LabFacts
        {
            History = history,
            Recency = recency,
            Calcium = calcium,
            TotalCalcium = total,
            IonizedPreferred = ionizedPreferred,
            Phosphate = phosphate,
            Pth = pth,
            VitaminD = vitaminD,
            CaxP = caxp,
            Hypercalcemia = calcium?.High == true
                ? new LabFlag("HYPERCALCEMIA", Results(calcium), calcium.Recent, $"high calcium ({calcium.Value} mg/dL, {calcium.Method}; upper limit {Limit(calcium.Uln)})")
                : null,
            HypercalcemiaSevere = calcium?.Severe == true,
            Hyperphosphatemia = phosphate?.IsHigh == true
                ? new LabFlag("HYPERPHOSPHATEMIA", [phosphate], recency.IsRecent(phosphate), $"high phosphate ({phosphate.Value} mg/dL; upper limit {Limit(phosphate.High)})")
                : null,
            HyperphosphatemiaConsecutive = lastTwoPhosphate.Count == 2 && lastTwoPhosphate.All(p => p.IsHigh == true),
            CaxpHigh = caxp >= options.CaxpHigh
                ? new LabFlag("CAXP_HIGH", [total!.Calcium, phosphate!], total.Recent && recency.IsRecent(phosphate!), $"Ca×P {decimal.Round(caxp.Value, 1)} mg²/dL² (≥ {options.CaxpHigh}; calcium {total.Method})")
                : null,
            PthHigh = pth?.IsHigh == true
                ? new LabFlag("PTH_HIGH", [pth], recency.IsRecent(pth), $"high intact PTH ({pth.Value} pg/mL; upper limit {Limit(pth.High)})")
                : null,
            PthVeryHigh = renal.Stage == CkdStage.G5D && pth?.High is { } uln && pth.Value!.IsAbove(uln * options.PthG5dMultiple) == true
                ? new LabFlag("PTH_VERY_HIGH", [pth], recency.IsRecent(pth), $"intact PTH above {options.PthG5dMultiple} × the assay upper limit ({pth.Value} pg/mL > {Limit(uln * options.PthG5dMultiple)})")
                : null,
            VitaminDToxic = vitaminD is not null && IsToxic(vitaminD.Value!, options.VitaminDToxicNgMl)
                ? new LabFlag("VITD_TOXIC", [vitaminD], recency.IsRecent(vitaminD), $"25-OH vitamin D {vitaminD.Value} ng/mL (toxic above {options.VitaminDToxicNgMl})")
                : null,
        };
    }

    /// <summary>§4.2: &gt; 150 ng/mL; a "&gt;" result (above the assay's reportable limit) counts as toxic too.</summary>
    private static bool IsToxic(LabValue value, decimal threshold) =>
        value.Comparator is Comparator.GreaterThan or Comparator.GreaterOrEqual || value.IsAbove(threshold) == true;

    /// <summary>§7.3.2 2nd–4th: lab-corrected, computed corrected (albumin within 24 h), uncorrected.</summary>
    private static CalciumStatus? TotalHierarchy(LabHistory history, Recency recency, TimeSpan pairing, LabsOptions options)
    {
        var total = history.Latest(Analyte.CalciumTotal);
        var corrected = history.Latest(Analyte.CalciumCorrected);
        if (corrected is not null && (total is null || corrected.When >= total.When - pairing))
        {
            return Judge(CalciumMeasure.LabCorrected, corrected.Value!, corrected, null, recency, options);
        }

        if (total is null)
        {
            return null;
        }

        var albumin = history.Final(Analyte.Albumin).FirstOrDefault(a => (a.When - total.When).Duration() <= pairing);
        if (albumin is not null && albumin.Value!.Comparator == Comparator.None && total.Value!.Comparator == Comparator.None)
        {
            var deficit = Math.Max(0m, 4.0m - albumin.Value.Value);
            var value = total.Value with { Value = total.Value.Value + (0.8m * deficit) };
            return Judge(CalciumMeasure.ComputedCorrected, value, total, albumin, recency, options);
        }

        return Judge(CalciumMeasure.Uncorrected, total.Value!, total, history.Latest(Analyte.Albumin), recency, options);
    }

    private static CalciumStatus Judge(CalciumMeasure measure, LabValue value, LabResult calcium, LabResult? albumin, Recency recency, LabsOptions options)
    {
        var uln = calcium.High;
        bool? high = calcium.FlaggedHigh ? true
            : measure == CalciumMeasure.ComputedCorrected && uln is not null ? value.IsAbove(uln.Value)
            : calcium.IsHigh;
        var severeLimit = measure == CalciumMeasure.Ionized
            ? options.SevereIonizedCalciumMmolL * AnalyteInfo.CalciumMmolToMgDl
            : options.SevereCalciumMgDl;
        var severe = calcium.FlaggedCriticalHigh || value.IsAbove(severeLimit, inclusive: true) == true;
        var recent = recency.IsRecent(calcium) && (measure != CalciumMeasure.ComputedCorrected || albumin is null || recency.IsRecent(albumin));
        return new CalciumStatus
        {
            Measure = measure,
            Value = value,
            Calcium = calcium,
            Albumin = albumin,
            Uln = uln,
            High = high,
            Severe = severe,
            Recent = recent,
        };
    }

    private static List<LabResult> Results(CalciumStatus calcium) =>
        calcium.Albumin is { } albumin && calcium.Measure == CalciumMeasure.ComputedCorrected ? [calcium.Calcium, albumin] : [calcium.Calcium];

    private static string Limit(decimal? limit) => limit is null ? "not known" : decimal.Round(limit.Value, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
