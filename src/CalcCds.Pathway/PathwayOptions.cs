using System.ComponentModel.DataAnnotations;
using CalcCds.Pathway.Options;

namespace CalcCds.Pathway;

/// <summary>
/// The pathway's parameters (clinical-pathway.md §8), bound from <c>CalcCds:Pathway</c> and validated at start-up.
/// Every value here is visible in discovery (<c>usageRequirements</c>) so a clinical reviewer can see what is in force.
/// </summary>
public sealed class PathwayOptions : IValidatableObject
{
    public const string Section = "CalcCds:Pathway";

    /// <summary><c>INDEX_LOOKBACK_DAYS</c>: how old an index finding may be (§1.4).</summary>
    [Range(1, 3650)]
    public int IndexLookbackDays { get; set; } = 365;

    /// <summary><c>CARD_MAX</c>: cards per patient-view (Product decision 8). Red-flag cards are never dropped.</summary>
    [Range(1, 20)]
    public int CardMax { get; set; } = 3;

    /// <summary>
    /// <c>REPEAT_SUPPRESS_DAYS</c> (Product decision 9): a non-critical, unprotected card a clinician already accepted or
    /// overrode is not shown again for this many days while its inputs are unchanged. 0 turns suppression off.
    /// </summary>
    [Range(0, 365)]
    public int RepeatSuppressionDays { get; set; } = 30;

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

    public LesionOptions Lesion { get; init; } = new();

    public LabsOptions Labs { get; init; } = new();

    public ContextOptions Context { get; init; } = new();

    public OrdersOptions Orders { get; init; } = new();

    public string Describe()
    {
        var lines = new List<string>
        {
            $"INDEX_LOOKBACK_DAYS={IndexLookbackDays}",
            $"CARD_MAX={CardMax}",
            $"REPEAT_SUPPRESS_DAYS={RepeatSuppressionDays}",
            $"symptom window {SymptomWindowDays} d",
            $"disabled rules: {List(DisabledRules)}",
            $"optional rules enabled: {List(EnabledOptionalRules)}",
        };
        lines.AddRange(Lesion.Describe());
        lines.AddRange(Labs.Describe());
        lines.AddRange(Context.Describe());
        lines.AddRange(Orders.Describe());
        return "Parameters in force: " + string.Join("; ", lines) + ".";
    }

    /// <summary>Data annotations of the nested sections are checked too (ValidateDataAnnotations stops at the top level).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        foreach (var (name, section) in new (string, object)[] { ("Lesion", Lesion), ("Labs", Labs), ("Context", Context), ("Orders", Orders) })
        {
            var nested = new List<ValidationResult>();
            if (!Validator.TryValidateObject(section, new ValidationContext(section), nested, validateAllProperties: true))
            {
                results.AddRange(nested.Select(r => new ValidationResult($"{Section}:{name}: {r.ErrorMessage}", r.MemberNames.Select(m => $"{name}.{m}"))));
            }

            if (section is IValidatableObject validatable)
            {
                results.AddRange(validatable.Validate(new ValidationContext(section)));
            }
        }

        return results;
    }

    private static string List(IList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
