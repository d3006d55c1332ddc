using CalcCds.Cli.Replay;

namespace CalcCds.Cli.Output;

/// <summary>
/// Newline-delimited JSON on standard output: exactly the CDS Hooks response of each call, one per line, so a
/// pipeline can read it with <c>jq</c>; problems, expectation misses and the summary go to standard error.
/// </summary>
internal sealed class JsonReporter(TextWriter output, TextWriter error) : IReplayReporter
{
    public void Result(HookResult result)
    {
        output.WriteLine(result.Response.ToJsonString());
        foreach (var failure in result.Failures)
        {
            error.WriteLine($"expectations failed: {result.File} ({result.Hook}, Patient/{result.Patient.Id}): {failure}");
        }

        foreach (var pending in result.Pending)
        {
            error.WriteLine($"expectation pending: {result.File} ({result.Hook}, Patient/{result.Patient.Id}): {pending}");
        }
    }

    public void Problem(string file, string message) => error.WriteLine($"error: {file}: {message}");

    public void Note(string file, string message) => error.WriteLine($"note: {file}: {message}");

    public void ExpectationMiss(string file, string expectFile, string message) =>
        error.WriteLine($"expectations failed: {file} ({expectFile}): {message}");

    public void Summary(RunSummary summary) => error.WriteLine(SummaryLine.Format(summary));
}
