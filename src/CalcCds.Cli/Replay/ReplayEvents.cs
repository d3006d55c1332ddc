using System.Text.Json.Nodes;

namespace CalcCds.Cli.Replay;

/// <summary>One hook call for one patient of one file, with what came back and any expectation misses.</summary>
internal sealed record HookResult(
    string File,
    ChartPatient Patient,
    string Hook,
    JsonNode Response,
    IReadOnlyList<CardView> Cards,
    string? ExpectFile,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Pending);

/// <summary>The run's totals, printed as its last line.</summary>
internal sealed record RunSummary(
    int Bundles,
    int Patients,
    IReadOnlyDictionary<string, int> CardsByIndicator,
    int Errors,
    int ExpectationFailures,
    TimeSpan Elapsed);

/// <summary>Where the run's results go: a table for people, NDJSON for machines.</summary>
internal interface IReplayReporter
{
    void Result(HookResult result);

    /// <summary>A problem with a file or a call: the run goes on.</summary>
    void Problem(string file, string message);

    /// <summary>Something worth knowing that is not an error (e.g. an order hook skipped for lack of drafts).</summary>
    void Note(string file, string message);

    void ExpectationMiss(string file, string expectFile, string message);

    void Summary(RunSummary summary);
}
