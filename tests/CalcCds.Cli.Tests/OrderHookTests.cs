using System.Text.Json.Nodes;

namespace CalcCds.Cli.Tests;

/// <summary>order-select / order-sign carry the draft ServiceRequests of the file, or those of --draft.</summary>
public sealed class OrderHookTests : IDisposable
{
    private const string DraftBiopsy = """
        {"resourceType": "ServiceRequest", "id": "draft-biopsy", "status": "draft", "intent": "order",
         "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "27614"}], "text": "Open biopsy, deep soft tissue, right calf"},
         "subject": {"reference": "Patient/cxh-patient"}}
        """;

    private readonly TempFolder temp = new();

    private static string Sample => Path.Combine(RepoPaths.Samples, "context-r18-dvt-suspected.json");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task DraftFileGivesOneResponsePerPatientPerHook()
    {
        var draft = temp.Write("draft.json", DraftBiopsy);

        var run = await CliResult.RunAsync("replay", Sample, "--format", "json", "--draft", draft,
            "--hook", "patient-view", "--hook", "order-select", "--hook", "order-sign");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task DraftServiceRequestsInTheBundleAreTheOrders()
    {
        var bundle = JsonNode.Parse(await File.ReadAllTextAsync(Sample))!.AsObject();
        bundle["entry"]!.AsArray().Add(new JsonObject { ["resource"] = JsonNode.Parse(DraftBiopsy) });
        var file = temp.Write("with-draft.json", bundle.ToJsonString());

        var run = await CliResult.RunAsync("replay", file, "--format", "json", "--hook", "order-sign");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task OrderHookWithoutDraftsIsSkippedWithANote()
    {
        var run = await CliResult.RunAsync("replay", Sample, "--format", "json", "--hook", "order-sign");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Output.Trim());
        Assert.Contains("no draft ServiceRequest, order-sign skipped", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftFileThatIsNotFhirIsAUsageError()
    {
        var run = await CliResult.RunAsync("replay", Sample, "--hook", "order-sign", "--draft", Path.Combine(RepoPaths.CdsHooksExamples, "order-sign.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--draft", run.Error, StringComparison.Ordinal);
    }
}
