namespace CalcCds.Cli.Tests;

/// <summary>0 ok, 1 expectations failed, 2 usage error, 3 service or FHIR error — as --help documents.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly TempFolder temp = new();

    private static string Sample(string name) => Path.Combine(RepoPaths.Samples, name + ".json");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task HelpDocumentsTheExitCodes()
    {
        var run = await CliResult.RunAsync("replay", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit codes:", run.Output, StringComparison.Ordinal);
        Assert.Contains("1  expectations failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("3  service or FHIR error", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetExpectationsExitZero()
    {
        var run = await CliResult.RunAsync("replay", Sample("narrative-only-right-calf"));

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task FailedExpectationsExitOneWithADiff()
    {
        var expect = temp.Write("wrong.expect.json", """
            {"hook": "patient-view", "patientId": "nrc-patient", "mustFire": ["R18"], "mustNotFire": ["DQ1"], "asOf": "2026-11-21"}
            """);

        var run = await CliResult.RunAsync("replay", Sample("narrative-only-right-calf"), "--expect", expect);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("- R18 must fire (fired: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("+ DQ1 fired but must not", run.Output, StringComparison.Ordinal);
        Assert.Contains("+ DQ1 fired but must not", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("replay", "--no-such-option", "x.json")]
    [InlineData("replay", "--hook", "encounter-start", "x.json")]
    [InlineData("replay", "--format", "xml", "x.json")]
    [InlineData("frobnicate")]
    public async Task BadCommandLineExitsTwo(params string[] args)
    {
        var run = await CliResult.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileExitsTwoNamingIt()
    {
        var run = await CliResult.RunAsync("replay", "no/such/bundle.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no/such/bundle.json: no such file or folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyWithoutIssuerExitsTwo()
    {
        var key = temp.Write("key.json", "{}");

        var run = await CliResult.RunAsync("replay", Sample("narrative-only-right-calf"), "--service", "http://127.0.0.1:9", "--key", key);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--key and --issuer go together", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServiceExitsThree()
    {
        // Port 9 (discard) on loopback: nothing listens there in a test environment, so the connection is refused.
        var run = await CliResult.RunAsync("replay", Sample("narrative-only-right-calf"), "--service", "http://127.0.0.1:9");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("cannot reach the service", run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.All);
    }
}
