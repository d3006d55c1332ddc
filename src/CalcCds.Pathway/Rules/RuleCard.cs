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

    /// <summary>Cards that the budget may never drop (R01, R02, a critical R10, O01: Product decision 8).</summary>
    public bool Protected { get; init; }
}
