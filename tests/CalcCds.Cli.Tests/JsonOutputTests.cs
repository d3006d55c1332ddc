using System.Text.Json.Nodes;

namespace CalcCds.Cli.Tests;

/// <summary><c>--format json</c>: one CDS Hooks response per patient per hook on standard output, one per line.</summary>
public sealed class JsonOutputTests
{
    private static string Sample(string name) => Path.Combine(RepoPaths.Samples, name + ".json");

    [Fact]
    public async Task EveryOutputLineIsACdsHooksResponse()
    {
        var run = await CliResult.RunAsync("replay", Sample("context-r18-dvt-suspected"), Sample("narrative-only-right-calf"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.IsType<JsonArray>(JsonNode.Parse(line)!["cards"]));
    }

    [Fact]
    public async Task SummaryGoesToStandardErrorSoOutputStaysJson()
    {
        var run = await CliResult.RunAsync("replay", Sample("context-r18-dvt-suspected"), "--format", "json");

        var cards = JsonNode.Parse(run.Output.Trim())!["cards"]!.AsArray();
        var warnings = cards.Count(c => (string?)c!["indicator"] == "warning");
        var infos = cards.Count(c => (string?)c!["indicator"] == "info");
        var noun = cards.Count == 1 ? "card" : "cards";
        Assert.Contains($"replayed 1 bundle, 1 patient: {cards.Count} {noun} (0 critical, {warnings} warning, {infos} info)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("replayed", run.Output, StringComparison.Ordinal);
    }
}
