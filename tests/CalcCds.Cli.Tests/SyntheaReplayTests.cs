using System.Diagnostics;
using Xunit.Abstractions;

namespace CalcCds.Cli.Tests;

/// <summary>Real-shaped charts: the 12 Synthea transaction bundles (urn:uuid references) replay without error.</summary>
public sealed class SyntheaReplayTests(ITestOutputHelper log)
{
    private static string Folder => Path.Combine(RepoPaths.SharedData, "synthea-r4");

    [SharedDataFact]
    public async Task AllTwelveSyntheaBundlesReplayWithoutError()
    {
        var stopwatch = Stopwatch.StartNew();
        var run = await CliResult.RunAsync("replay", Folder, "--format", "json");
        stopwatch.Stop();

        log.WriteLine($"12 Synthea bundles replayed in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        log.WriteLine(run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(12, Directory.EnumerateFiles(Folder, "*.json").Count());
        Assert.Equal(12, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("replayed 12 bundles, 12 patients", run.Error, StringComparison.Ordinal);
    }
}
