namespace CalcCds.Pathway.Labs;

/// <summary>
/// All usable laboratory results of a patient, newest first per analyte, with the data-quality notes raised while
/// reading them. "Final" below means final, amended or corrected (§7.4): only those drive decisions.
/// </summary>
public sealed class LabHistory
{
    /// <summary>Each analyte's results, newest first, indexed by <see cref="Analyte"/> (null: none).</summary>
    private readonly List<LabResult>?[] byAnalyte;

    public LabHistory(IEnumerable<LabResult> results, IReadOnlyList<string> notes)
        : this(Bucket(results), notes)
    {
    }

    /// <summary>Results already split by analyte and newest first, as <see cref="LabReader"/> keeps them while reading.</summary>
    internal LabHistory(List<LabResult>?[] byAnalyte, IReadOnlyList<string> notes)
    {
        this.byAnalyte = byAnalyte;
        DataQualityNotes = notes;
    }

    public static LabHistory Empty { get; } = new(NewBuckets(), []);

    /// <summary>Units not recognised, text values, missing collection times, LOINC/unit clashes (§7.1, §7.2).</summary>
    public IReadOnlyList<string> DataQualityNotes { get; }

    /// <summary>Every result of the analyte, preliminary included, newest first.</summary>
    public IReadOnlyList<LabResult> All(Analyte analyte) => byAnalyte[(int)analyte] ?? (IReadOnlyList<LabResult>)Array.Empty<LabResult>();

    /// <summary>Final results with a comparable value, newest first (§7.3.1 "latest qualifying result").</summary>
    public IEnumerable<LabResult> Final(Analyte analyte) => All(analyte).Where(r => r.IsQualifying);

    /// <summary>The latest final result with a comparable value, or null.</summary>
    public LabResult? Latest(Analyte analyte)
    {
        // Asked many times per request by the facets and rules: a plain scan, no iterator.
        var all = All(analyte);
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].IsQualifying)
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
        return All(result.Analyte).Where(r => IsEarlierWithin(r, result, window));
    }

    /// <summary>The test of <see cref="EarlierWithin"/>: final, comparable, drawn before the result and at most the window before it.</summary>
    public static bool IsEarlierWithin(LabResult candidate, LabResult result, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(result);
        return candidate.IsQualifying && candidate.When < result.When && result.When - candidate.When <= window;
    }

    /// <summary>The latest result of any status with or without a usable value (for "last value" text).</summary>
    public LabResult? LatestAny(Analyte analyte) => All(analyte) is [var first, ..] ? first : null;

    /// <summary>An empty list per analyte (null until the analyte has a result), for <see cref="Add"/>.</summary>
    internal static List<LabResult>?[] NewBuckets() => new List<LabResult>?[AnalyteInfo.All.Count];

    /// <summary>
    /// Adds a result to its analyte's list, kept newest first; a result as old as one already listed goes after it, so
    /// results of equal time keep their reading order (stable, as the former OrderByDescending was: "latest" picks among
    /// equal times depend on it). Prefetch searches sort newest first and per-analyte lists are short, so inserting
    /// from the end is cheap.
    /// </summary>
    internal static void Add(List<LabResult>?[] byAnalyte, LabResult result)
    {
        var list = byAnalyte[(int)result.Analyte] ??= new List<LabResult>(4);
        var at = list.Count;
        while (at > 0 && list[at - 1].When < result.When)
        {
            at--;
        }

        list.Insert(at, result);
    }

    private static List<LabResult>?[] Bucket(IEnumerable<LabResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var byAnalyte = NewBuckets();
        foreach (var result in results)
        {
            Add(byAnalyte, result);
        }

        return byAnalyte;
    }
}
