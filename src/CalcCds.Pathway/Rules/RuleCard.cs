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

    private string? detail;
    private Func<string>? writeDetail;

    /// <summary>
    /// The card's markdown detail: given as text, or written by <see cref="DetailWriter"/> the first time it is read.
    /// </summary>
    public string Detail
    {
        get => detail ??= writeDetail?.Invoke()
            ?? throw new InvalidOperationException($"The {RuleId} card has neither a Detail nor a DetailWriter.");
        init => detail = value;
    }

    /// <summary>
    /// Writes <see cref="Detail"/> when it is first read. A card the budget drops is never read, so a rule whose card
    /// is often dropped (a warning or info card on a busy chart) spends nothing on text no one sees.
    /// </summary>
    public Func<string> DetailWriter
    {
        init => writeDetail = value;
    }

    public string LesionKey { get; init; } = string.Empty;

    private IReadOnlyList<Suggestion>? suggestions;
    private Func<IReadOnlyList<Suggestion>>? writeSuggestions;

    /// <summary>The card's suggestions: given as a list, or made by <see cref="SuggestionsWriter"/> when first read.</summary>
    public IReadOnlyList<Suggestion> Suggestions
    {
        get => suggestions ??= writeSuggestions?.Invoke() ?? [];
        init => suggestions = value;
    }

    /// <summary>
    /// Makes <see cref="Suggestions"/> when first read, for the same reason as <see cref="DetailWriter"/>: a suggested
    /// order is a whole ServiceRequest, wasted on a card the budget drops.
    /// </summary>
    public Func<IReadOnlyList<Suggestion>> SuggestionsWriter
    {
        init => writeSuggestions = value;
    }

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
