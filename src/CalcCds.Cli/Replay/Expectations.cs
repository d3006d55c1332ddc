using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CalcCds.Cli.Replay;

/// <summary>An <c>.expect.json</c> file (format in fhir-samples/README.md): what one hook call must produce.</summary>
internal sealed record Expectations(
    string File,
    string Hook,
    string? PatientId,
    DateOnly? AsOf,
    IReadOnlyList<string> MustFire,
    IReadOnlyList<string> MustNotFire,
    IReadOnlyDictionary<string, string> Indicators,
    string? MaxIndicator,
    int? MaxCards)
{
    /// <summary>Order hooks: the draft ServiceRequests sent as <c>context.draftOrders</c> (empty for patient-view).</summary>
    public IReadOnlyList<JsonObject> DraftOrders { get; init; } = [];

    /// <summary>order-select: the <c>context.selections</c>; null means every draft.</summary>
    public IReadOnlyList<string>? Selections { get; init; }

    /// <summary>Configuration the service must run with for this file (e.g. a sarcoma centre, an optional rule).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    private static readonly string[] Severity = ["info", "warning", "critical"];

    /// <summary>Reads the file; throws <see cref="InputProblemException"/> when it is not a usable expectations file.</summary>
    public static Expectations Load(string file)
    {
        try
        {
            var root = JsonNode.Parse(System.IO.File.ReadAllText(file)) as JsonObject
                ?? throw new InputProblemException("an expectations file must be a JSON object");
            var asOf = (string?)root["asOf"];
            return new Expectations(
                file,
                (string?)root["hook"] ?? "patient-view",
                (string?)root["patientId"],
                asOf is null ? null : DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Strings(root["mustFire"]),
                Strings(root["mustNotFire"]),
                (root["indicators"] as JsonObject ?? []).ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal),
                (string?)root["maxIndicator"],
                (int?)root["maxCards"])
            {
                DraftOrders = root["draftOrders"] is JsonArray drafts ? [.. drafts.OfType<JsonObject>().Select(d => (JsonObject)d.DeepClone())] : [],
                Selections = root["selections"] is JsonArray selections ? Strings(selections) : null,
                Settings = (root["settings"] as JsonObject ?? []).ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal),
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InputProblemException($"unreadable expectations file {Path.GetFileName(file)}: {ex.Message}");
        }
    }

    public bool AppliesTo(string hook, string patientId) =>
        Hook == hook && (PatientId is null || PatientId == patientId);

    /// <summary>
    /// Each way the cards miss the expectations, as a diff line (<c>-</c> missing, <c>+</c> unwanted, <c>~</c> wrong
    /// indicator), and the <c>mustFire</c> rules the service says it does not implement yet: those are pending, not
    /// failures, as in the service's own sample tests, so the suite stays green while the pathway grows.
    /// </summary>
    public (IReadOnlyList<string> Failures, IReadOnlyList<string> Pending) Check(IReadOnlyList<CardView> cards, Func<string, bool> isImplemented)
    {
        var failures = new List<string>();
        var fired = cards.Select(c => c.Rule).ToList();
        var firedText = fired.Count == 0 ? "none" : string.Join(", ", fired);
        var missing = MustFire.Where(r => !fired.Contains(r)).ToList();
        failures.AddRange(missing.Where(isImplemented).Select(r => $"- {r} must fire (fired: {firedText})"));
        var pending = missing.Where(r => !isImplemented(r)).Select(r => $"? {r} must fire, but this service does not implement it yet").ToList();
        failures.AddRange(MustNotFire.Where(fired.Contains).Select(r => $"+ {r} fired but must not"));
        foreach (var card in cards)
        {
            if (Indicators.TryGetValue(card.Rule, out var indicator) && indicator != card.Indicator)
            {
                failures.Add($"~ {card.Rule} is {card.Indicator}, expected {indicator}");
            }

            if (MaxIndicator is not null && Array.IndexOf(Severity, card.Indicator) > Array.IndexOf(Severity, MaxIndicator))
            {
                failures.Add($"+ {card.Rule} is {card.Indicator}, above the allowed {MaxIndicator}");
            }
        }

        if (MaxCards is { } max && cards.Count > max)
        {
            failures.Add($"+ {cards.Count} cards, at most {max} expected");
        }

        return (failures, pending);
    }

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => (string)n!)] : [];
}
