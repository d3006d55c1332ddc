using CalcCds.Cli.Replay;

namespace CalcCds.Cli.Output;

/// <summary>Holds the summary line back until a progress bar has cleared itself, which would otherwise erase it.</summary>
internal sealed class DeferredSummaryReporter(IReplayReporter inner) : IReplayReporter
{
    private RunSummary? summary;

    public void Result(HookResult result) => inner.Result(result);

    public void Problem(string file, string message) => inner.Problem(file, message);

    public void Note(string file, string message) => inner.Note(file, message);

    public void ExpectationMiss(string file, string expectFile, string message) => inner.ExpectationMiss(file, expectFile, message);

    public void Summary(RunSummary summary) => this.summary = summary;

    public void Flush()
    {
        if (summary is not null)
        {
            inner.Summary(summary);
        }
    }
}
