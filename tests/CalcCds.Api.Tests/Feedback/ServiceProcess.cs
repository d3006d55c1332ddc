using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CalcCds.Api.Tests.Feedback;

/// <summary>
/// The built service (<c>src/CalcCds.Api/bin/&lt;configuration&gt;/net10.0/CalcCds.Api.dll</c>) as a child process on a
/// loopback port it picks itself, security disabled, SQLite in the given folder.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    private readonly Process process;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ServiceProcess> StartAsync(string dataFolder)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepoPaths.Root, "src", "CalcCds.Api", "bin", configuration, "net10.0", "CalcCds.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["CalcCds__Security__Mode"] = "Disabled";
        start.Environment["CalcCds__Security__Limits__QueueLimit"] = "1000";
        start.Environment["CalcCds__Storage__DataFolder"] = dataFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Both pipes are drained for the life of the process, so a chatty child never blocks on a full pipe.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ready = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (ready != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new TimeoutException($"{dll} did not report a listening address within 60 s");
        }

        return new ServiceProcess(process, await listening.Task);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, exactly like a crash or an OOM kill.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
