using System.Diagnostics.Metrics;

namespace CalcCds.Pathway;

/// <summary>
/// Pathway counters (readable with <c>dotnet-counters monitor --counters CalcCds.Pathway</c>): cards shown by rule and
/// indicator, cards the budget dropped (Product decision 8) and cards repeat suppression hid (Product decision 9): both
/// must be counted, not silently lost.
/// </summary>
public sealed class PathwayMetrics
{
    public const string MeterName = "CalcCds.Pathway";

    private readonly Counter<long> cards;
    private readonly Counter<long> dropped;
    private readonly Counter<long> suppressed;

    public PathwayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        cards = meter.CreateCounter<long>("calccds.cards", description: "Cards returned, by rule and indicator");
        dropped = meter.CreateCounter<long>("calccds.cards.budget_dropped", description: "Cards dropped by the card budget, by rule");
        suppressed = meter.CreateCounter<long>("calccds.cards.repeat_suppressed", description: "Cards not shown again because a clinician already acted on them, by rule");
    }

    public void CardShown(string ruleId, string indicator) =>
        cards.Add(1, new KeyValuePair<string, object?>("rule", ruleId), new KeyValuePair<string, object?>("indicator", indicator));

    public void CardDropped(string ruleId) => dropped.Add(1, new KeyValuePair<string, object?>("rule", ruleId));

    public void CardSuppressed(string ruleId) => suppressed.Add(1, new KeyValuePair<string, object?>("rule", ruleId));
}
