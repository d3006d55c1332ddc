using Microsoft.Extensions.Configuration;

namespace CalcCds.Cli.Tests;

/// <summary>What one in-process run of <c>calccds</c> printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>A run with the configuration given instead of the process environment (tests must not share it).</summary>
    public static async Task<CliResult> RunAsync(string[] args, IDictionary<string, string?> configuration)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();
        var exit = await CliApp.RunAsync(args, output, error, settings);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>A stack trace would show frames as "   at Namespace.Type.Method(...)".</summary>
    public bool HasStackTrace => All.Contains("   at ", StringComparison.Ordinal);
}

/// <summary>A folder for files a test writes, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("calccds-cli-tests-").FullName;

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
