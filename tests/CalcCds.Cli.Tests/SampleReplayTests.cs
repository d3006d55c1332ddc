using Xunit.Abstractions;

namespace CalcCds.Cli.Tests;

/// <summary>The pathway's regression suite through the CLI: every fhir-samples/ bundle against its .expect.json.</summary>
public sealed class SampleReplayTests(ITestOutputHelper log)
{
    [Fact]
    public async Task EverySampleMeetsItsExpectations()
    {
        var run = await CliResult.RunAsync("replay", RepoPaths.Samples);

        log.WriteLine(run.All);
        Assert.Equal(0, run.ExitCode);
        var samples = Directory.EnumerateFiles(RepoPaths.Samples, "*.expect.json").Count();
        Assert.Equal(samples, CountOf(run.Output, "expectations met"));
        Assert.Contains("0 errors, 0 expectation failures", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("partial")]
    [InlineData("none")]
    public async Task EveryPrefetchModeGivesTheSampleItsExpectedCards(string prefetch)
    {
        var run = await CliResult.RunAsync("replay", Path.Combine(RepoPaths.Samples, "context-r18-dvt-suspected.json"), "--prefetch", prefetch);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("R18", run.Output, StringComparison.Ordinal);
        Assert.Contains("expectations met", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableShowsPatientIndicatorRuleSummaryAndSuggestion()
    {
        var run = await CliResult.RunAsync("replay", Path.Combine(RepoPaths.Samples, "context-r18-dvt-suspected.json"));

        Assert.Contains("Jonas Fischer (Patient/cxh-patient)", run.Output, StringComparison.Ordinal);
        Assert.Contains("warning", run.Output, StringComparison.Ordinal);
        Assert.Contains("compression duplex", run.Output, StringComparison.Ordinal);
        Assert.Contains("• Order urgent compression duplex venous ultrasound", run.Output, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
