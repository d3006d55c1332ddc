using CalcCds.Hooks.Protocol;

namespace CalcCds.Pathway.Rules;

/// <summary>
/// What a rule proposes, before the evaluator gives it its identity (uuid, source, topic) and applies the budget.
/// <see cref="LesionKey"/> distinguishes two cards of the same rule for two lesions.
/// </summary>
public sealed record RuleCard
{
    public required string RuleId { get; init; }

    public required CardIndicator Indicator { get; init; }

    public required string Summary { get; init; }

    public required string Detail { get; init; }

    public string LesionKey { get; init; } = string.Empty;

    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];

    public SelectionBehavior SelectionBehavior { get; init; } = SelectionBehavior.Any;

    public IReadOnlyList<CdsCoding> OverrideReasons { get; init; } = [];

    /// <summary>
    /// The card rests on preliminary data (a preliminary report or finding). §3.4 and §7.4 allow such data to drive
    /// info cards only, so the evaluator caps the indicator at info, whatever the rule proposed.
    /// </summary>
    public bool FromPreliminaryData { get; init; }

    /// <summary>Cards that the budget may never drop (R01, R02, a critical R10, O01: Product decision 8).</summary>
    public bool Protected { get; init; }
}
