using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using CalcCds.Testing.Fhir;

namespace CalcCds.LoadHost;

/// <summary>
/// P3's FHIR server: the tests' <see cref="FhirTestServer"/> on a free loopback port, loaded with every resource of the
/// fixture's prefetch (the same patient), delaying every answer by <c>--delay-ms</c>. Prints its base URL on the first
/// line and runs until stdin closes or the process is stopped.
/// </summary>
internal static class FhirCommand
{
    public static async Task RunAsync(Arguments args)
    {
        var fixture = JsonNode.Parse(await File.ReadAllTextAsync(args.Required("fixture")))!.AsObject();
        var delay = TimeSpan.FromMilliseconds(args.Number("delay-ms", 100));

        await using var server = await FhirTestServer.StartAsync();
        var count = 0;
        foreach (var (_, value) in fixture["prefetch"]!.AsObject())
        {
            if (value is not JsonObject resource)
            {
                continue;
            }

            if ((string?)resource["resourceType"] == "Bundle")
            {
                foreach (var entry in resource["entry"]?.AsArray() ?? [])
                {
                    server.AddResource(entry!["resource"]!.AsObject());
                    count++;
                }
            }
            else
            {
                server.AddResource(resource);
                count++;
            }
        }

        server.Faults.ForAll(FaultAction.Delay(delay));
        Console.WriteLine(server.BaseUrl);
        await Console.Error.WriteLineAsync($"FHIR server {server.BaseUrl}: {count} resources, every answer delayed {delay.TotalMilliseconds} ms");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        // The FHIR server's host claims SIGTERM for its own graceful stop; ours ends the wait so the process exits.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stop.Cancel());
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // stopped by the harness
        }
    }
}
