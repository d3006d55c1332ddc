using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using CalcCds.Pathway.Rules;
using CalcCds.Testing.Fhir;
using Microsoft.Extensions.DependencyInjection;

namespace CalcCds.Api.Tests;

/// <summary>
/// Every <c>fhir-samples/</c> patient goes through the real HTTP pipeline with full prefetch from the test FHIR server,
/// and its <c>.expect.json</c> is checked: rules that must fire, must not fire, indicators, card count and severity.
/// Order samples name their hook (<c>order-select</c> / <c>order-sign</c>) and carry their <c>draftOrders</c> (and
/// optional <c>selections</c>) inline; the test sends them as <c>context.draftOrders</c> to the matching service.
/// A <c>mustFire</c> rule that is not implemented yet is reported in the failure message of the coverage test
/// below rather than silently passing.
/// </summary>
public sealed class SampleExpectationTests : IAsyncLifetime
{
    private static readonly string[] Severity = ["info", "warning", "critical"];

    private CalcCdsFactory factory = new();
    private FhirTestServer fhir = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        fhir = await FhirTestServer.StartAsync();
        client = factory.CreateLoopbackClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await fhir.DisposeAsync();
    }

    /// <summary>A sample's <c>settings</c> (configuration keys, e.g. a sarcoma centre or an optional rule) start a service configured with them.</summary>
    private async Task ConfigureAsync(JsonObject settings)
    {
        client.Dispose();
        await factory.DisposeAsync();
        factory = new CalcCdsFactory(settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal));
        client = factory.CreateLoopbackClient();
    }

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Samples, "*.expect.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".expect.json".Length]);
        }

        return data;
    }

    private HashSet<string> ImplementedRules() =>
        factory.Services.GetServices<IRule>().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task SampleGivesTheExpectedCards(string sample)
    {
        var expect = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, sample + ".expect.json")))!;
        if (expect["settings"] is JsonObject settings)
        {
            await ConfigureAsync(settings);
        }

        var hook = (string?)expect["hook"] ?? "patient-view";
        var patientId = (string)expect["patientId"]!;
        var (serviceId, request) = hook switch
        {
            "patient-view" => (PathwayServices.PatientViewId, HookRequests.PatientView(patientId)),
            "order-select" or "order-sign" => (
                hook == "order-select" ? PathwayServices.OrderSelectId : PathwayServices.OrderSignId,
                HookRequests.Order(hook, patientId, expect["draftOrders"]?.AsArray().OfType<JsonNode>() ?? [], expect["selections"] is { } selected ? Strings(selected) : null)),
            _ => throw new InvalidOperationException($"{sample}: unknown hook '{hook}'"),
        };
        fhir.LoadSample(sample);
        await request.WithPrefetchAsync(client, fhir);

        using var response = await client.PostAsync("/cds-services/" + serviceId, request.Json());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        var cards = body["cards"]!.AsArray().Select(c => c!).ToList();
        var fired = cards.Select(c => (string)c["source"]!["topic"]!["code"]!).ToList();
        var implemented = ImplementedRules();
        foreach (var rule in Strings(expect["mustFire"]).Where(implemented.Contains))
        {
            Assert.True(fired.Contains(rule), $"{sample}: {rule} must fire; fired: [{string.Join(", ", fired)}]");
        }

        foreach (var rule in Strings(expect["mustNotFire"]))
        {
            Assert.False(fired.Contains(rule), $"{sample}: {rule} must not fire");
        }

        foreach (var (rule, indicator) in expect["indicators"]?.AsObject() ?? [])
        {
            Assert.All(cards.Where(c => (string?)c["source"]!["topic"]!["code"] == rule), c => Assert.Equal((string?)indicator, (string?)c["indicator"]));
        }

        if (expect["maxCards"] is { } maxCards)
        {
            Assert.True(cards.Count <= (int)maxCards, $"{sample}: {cards.Count} cards, at most {(int)maxCards} expected");
        }

        if (expect["maxIndicator"] is { } maxIndicator)
        {
            var max = Array.IndexOf(Severity, (string)maxIndicator!);
            Assert.All(cards, c => Assert.True(Array.IndexOf(Severity, (string?)c["indicator"]) <= max, $"{sample}: card {(string?)c["source"]!["topic"]!["code"]} above {maxIndicator}"));
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node?.AsArray().Select(n => (string)n!) ?? [];
}
