namespace CalcCds.Cli.Tests;

/// <summary>A file that cannot be replayed is named with its problem; the other files still run; no stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder temp = new();

    private static string GoodSample => Path.Combine(RepoPaths.Samples, "context-r18-dvt-suspected.json");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task FileThatIsNotJsonIsNamedAndTheRestStillRuns()
    {
        var bad = temp.Write("garbage.json", "<html>not json</html>");

        await AssertReportedAsync(bad, "not valid JSON");
    }

    [Fact]
    public async Task JsonThatIsNotFhirIsNamedAndTheRestStillRuns()
    {
        var bad = temp.Write("not-fhir.json", """{"status": "ok", "items": [1, 2]}""");

        await AssertReportedAsync(bad, "not a FHIR resource");
    }

    [Fact]
    public async Task BundleWithoutPatientIsNamedAndTheRestStillRuns()
    {
        var bad = temp.Write("no-patient.json", """
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": {"resourceType": "Observation", "id": "o1", "status": "final", "code": {"text": "x"}}}]}
            """);

        await AssertReportedAsync(bad, "no Patient resource");
    }

    [Fact]
    public async Task BrokenReferencesAreNamedAndTheRestStillRuns()
    {
        var bad = temp.Write("broken.json", """
            {"resourceType": "Bundle", "type": "transaction", "entry": [
              {"fullUrl": "urn:uuid:6f1c1f3e-0000-4000-8000-000000000001", "resource": {"resourceType": "Patient"}},
              {"fullUrl": "urn:uuid:6f1c1f3e-0000-4000-8000-000000000002", "resource": {"resourceType": "Condition",
                "subject": {"reference": "urn:uuid:6f1c1f3e-0000-4000-8000-00000000dead"}}}]}
            """);

        var run = await AssertReportedAsync(bad, "broken references");
        Assert.Contains("urn:uuid:6f1c1f3e-0000-4000-8000-00000000dead", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiftyMegabyteBundleIsRefusedWithItsSize()
    {
        var path = Path.Combine(temp.Path, "huge.json");
        await using (var writer = File.CreateText(path))
        {
            await writer.WriteAsync("""{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "id": "big", "text": {"status": "generated", "div": "<div>""");
            var chunk = new string('x', 1024 * 1024);
            for (var i = 0; i < 50; i++)
            {
                await writer.WriteAsync(chunk);
            }

            await writer.WriteAsync("</div>\"}}}]}");
        }

        var run = await AssertReportedAsync(path, "MB is larger than the 32 MB limit");
        Assert.Contains("50.0 MB", run.Error, StringComparison.Ordinal);
    }

    private static async Task<CliResult> AssertReportedAsync(string badFile, string problem)
    {
        var run = await CliResult.RunAsync("replay", badFile, GoodSample);

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n'), l => l.Contains(badFile, StringComparison.Ordinal));
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.Contains("Jonas Fischer", run.Output, StringComparison.Ordinal); // the good file was still replayed
        Assert.Contains("2 bundles, 1 patient", run.Output, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.All);
        return run;
    }
}
