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
        // Count first, so each analyte's list is made once at its final size (analytes index AnalyteInfo.All).
        var all = results as IReadOnlyList<LabResult> ?? results.ToList();
        var counts = new int[AnalyteInfo.All.Count];
        for (var i = 0; i < all.Count; i++)
        {
            counts[(int)all[i].Analyte]++;
        }

        byAnalyte = new Dictionary<Analyte, List<LabResult>>(counts.Count(c => c > 0));
        for (var i = 0; i < all.Count; i++)
        {
            var result = all[i];
            if (!byAnalyte.TryGetValue(result.Analyte, out var list))
            {
                list = new List<LabResult>(counts[(int)result.Analyte]);
                byAnalyte.Add(result.Analyte, list);
            }

            InsertNewestFirst(list, result);
        }

        DataQualityNotes = notes;
    }

    public static LabHistory Empty { get; } = new([], []);

    /// <summary>Units not recognised, text values, missing collection times, LOINC/unit clashes (§7.1, §7.2).</summary>
    public IReadOnlyList<string> DataQualityNotes { get; }

    /// <summary>Every result of the analyte, preliminary included, newest first.</summary>
    public IReadOnlyList<LabResult> All(Analyte analyte) => byAnalyte.TryGetValue(analyte, out var list) ? list : Array.Empty<LabResult>();

    /// <summary>Final results with a comparable value, newest first (§7.3.1 "latest qualifying result").</summary>
    public IEnumerable<LabResult> Final(Analyte analyte) => All(analyte).Where(r => !r.IsPreliminary && r.HasValue);

    /// <summary>The latest final result with a comparable value, or null.</summary>
    public LabResult? Latest(Analyte analyte)
    {
        // Asked many times per request by the facets and rules: a plain scan, no iterator.
        var all = All(analyte);
        for (var i = 0; i < all.Count; i++)
        {
            if (!all[i].IsPreliminary && all[i].HasValue)
            {
                return all[i];
            }
        }

        return null;
    }

    /// <summary>Final results of the same analyte drawn up to <paramref name="window"/> before this one (§7.3.1: shown, not used).</summary>
    public IEnumerable<LabResult> EarlierWithin(LabResult result, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Final(result.Analyte).Where(r => r.When < result.When && result.When - r.When <= window);
    }

    /// <summary>The latest result of any status with or without a usable value (for "last value" text).</summary>
    public LabResult? LatestAny(Analyte analyte) => All(analyte) is [var first, ..] ? first : null;

    /// <summary>
    /// Keeps the list newest first; a result as old as one already listed goes after it, so results of equal time keep
    /// their reading order (stable, as the former OrderByDescending was: "latest" picks among equal times depend on it).
    /// Prefetch searches sort newest first and per-analyte lists are short, so inserting from the end is cheap.
    /// </summary>
    private static void InsertNewestFirst(List<LabResult> list, LabResult result)
    {
        var at = list.Count;
        while (at > 0 && list[at - 1].When < result.When)
        {
            at--;
        }

        list.Insert(at, result);
    }
}
