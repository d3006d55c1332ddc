using System.ComponentModel.DataAnnotations;

namespace CalcCds.Pathway;

/// <summary>
/// The pathway's parameters (clinical-pathway.md §8), bound from <c>CalcCds:Pathway</c> and validated at start-up.
/// Every value here is visible in discovery (<c>usageRequirements</c>) so a clinical reviewer can see what is in force.
/// </summary>
public sealed class PathwayOptions
{
    public const string Section = "CalcCds:Pathway";

    /// <summary><c>INDEX_LOOKBACK_DAYS</c>: how old an index finding may be (§1.4).</summary>
    [Range(1, 3650)]
    public int IndexLookbackDays { get; set; } = 365;

    /// <summary><c>CARD_MAX</c>: cards per patient-view (Product decision 8). Red-flag cards are never dropped.</summary>
    [Range(1, 20)]
    public int CardMax { get; set; } = 3;

    /// <summary>How long a symptom record counts for the symptom status (§4.7: 90 days).</summary>
    [Range(1, 3650)]
    public int SymptomWindowDays { get; set; } = 90;

    /// <summary>Largest report text read for the narrative fallback, in characters.</summary>
    [Range(1000, 1_000_000)]
    public int MaxReportTextChars { get; set; } = 100_000;

    /// <summary>Rules switched off by configuration.</summary>
    public IList<string> DisabledRules { get; } = [];

    /// <summary>Optional rules switched on (R25 and O09 are implemented but off by default, Product decision 5).</summary>
    public IList<string> EnabledOptionalRules { get; } = [];

    public string Describe() =>
        $"Parameters in force: INDEX_LOOKBACK_DAYS={IndexLookbackDays}; CARD_MAX={CardMax}; symptom window {SymptomWindowDays} d; " +
        $"disabled rules: {List(DisabledRules)}; optional rules enabled: {List(EnabledOptionalRules)}.";

    private static string List(IList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
