namespace CalcCds.Pathway.Labs;

/// <summary>
/// All usable laboratory results of a patient, newest first per analyte, with the data-quality notes raised while
/// reading them. "Final" below means final, amended or corrected (§7.4): only those drive decisions.
/// </summary>
public sealed class LabHistory
{
    private readonly Dictionary<Analyte, List<LabResult>> byAnalyte;

    public LabHistory(IEnumerable<LabResult> results, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(results);
        byAnalyte = results
            .GroupBy(r => r.Analyte)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.When).ToList());
        DataQualityNotes = notes;
    }

    public static LabHistory Empty { get; } = new([], []);

    /// <summary>Units not recognised, text values, missing collection times, LOINC/unit clashes (§7.1, §7.2).</summary>
    public IReadOnlyList<string> DataQualityNotes { get; }

    /// <summary>Every result of the analyte, preliminary included, newest first.</summary>
    public IReadOnlyList<LabResult> All(Analyte analyte) => byAnalyte.TryGetValue(analyte, out var list) ? list : [];

    /// <summary>Final results with a comparable value, newest first (§7.3.1 "latest qualifying result").</summary>
    public IEnumerable<LabResult> Final(Analyte analyte) => All(analyte).Where(r => !r.IsPreliminary && r.HasValue);

    /// <summary>The latest final result with a comparable value, or null.</summary>
    public LabResult? Latest(Analyte analyte) => Final(analyte).FirstOrDefault();

    /// <summary>Final results of the same analyte drawn up to <paramref name="window"/> before this one (§7.3.1: shown, not used).</summary>
    public IEnumerable<LabResult> EarlierWithin(LabResult result, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Final(result.Analyte).Where(r => r.When < result.When && result.When - r.When <= window);
    }

    /// <summary>The latest result of any status with or without a usable value (for "last value" text).</summary>
    public LabResult? LatestAny(Analyte analyte) => All(analyte) is [var first, ..] ? first : null;
}
