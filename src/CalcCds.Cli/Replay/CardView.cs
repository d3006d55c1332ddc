using System.Text.Json.Nodes;

namespace CalcCds.Cli.Replay;

/// <summary>The parts of a CDS Hooks card a reader (and an expectation) looks at.</summary>
internal sealed record CardView(string Indicator, string Rule, string Summary, IReadOnlyList<string> Suggestions)
{
    public static IReadOnlyList<CardView> From(JsonNode? response) =>
        [.. (response?["cards"] as JsonArray ?? []).OfType<JsonObject>().Select(card => new CardView(
            (string?)card["indicator"] ?? "?",
            (string?)card["source"]?["topic"]?["code"] ?? "-",
            (string?)card["summary"] ?? string.Empty,
            [.. (card["suggestions"] as JsonArray ?? []).OfType<JsonObject>().Select(s => (string?)s["label"] ?? string.Empty)]))];
}
