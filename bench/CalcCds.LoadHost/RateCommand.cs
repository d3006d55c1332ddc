using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace CalcCds.LoadHost;

/// <summary>
/// An open-loop, constant-rate load generator (what wrk2's <c>-R</c> does; Debian's wrk has no rate option).
/// Request i is due at start + i/rps whatever happened to earlier ones, and its latency is measured from that due
/// time, not from when it was actually sent: a stalled server therefore shows up in the percentiles instead of
/// silently lowering the rate (coordinated omission). The first <c>--warmup</c> seconds run at the same rate and are
/// not counted. Prints one line: <c>rps_target rps_achieved count errors p50_ms p90_ms p99_ms max_ms</c>.
/// </summary>
internal static class RateCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var url = new Uri(args.Required("url"));
        var body = await File.ReadAllBytesAsync(args.Required("body"));
        var rps = args.Number("rps", 100);
        var seconds = args.Number("seconds", 10);
        var warmup = args.Number("warmup", 2);
        var maxInFlight = (int)args.Number("max-in-flight", 512);

        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = maxInFlight };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        var total = (int)Math.Round(rps * (warmup + seconds));
        var counted = (int)Math.Round(rps * warmup);
        var latencies = new double[total];
        var failures = 0;
        var inFlight = 0;
        var tasks = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var tick = Stopwatch.Frequency / rps;

        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * tick);
            // Wait for the due time without holding a core: on 2 shared cores a spinning dispatcher took CPU from
            // the service it measures. Sleep while more than ~1.5 ms remain, then yield until due. Latency still
            // counts from the due time, so any lateness here is charged to the service, never hidden.
            while (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) > TimeSpan.FromMilliseconds(1.5))
            {
                Thread.Sleep(1);
            }

            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Yield();
            }

            if (Volatile.Read(ref inFlight) >= maxInFlight)
            {
                // The server is this far behind: count it as a failure rather than queue without bound.
                Interlocked.Increment(ref failures);
                latencies[i] = double.NaN;
                continue;
            }

            Interlocked.Increment(ref inFlight);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await http.PostAsync(url, content);
                    await response.Content.CopyToAsync(Stream.Null);
                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                        latencies[index] = double.NaN;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                    latencies[index] = double.NaN;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }));
        }

        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var measured = latencies.Skip(counted).Where(l => !double.IsNaN(l)).Order().ToArray();
        if (measured.Length == 0)
        {
            await Console.Error.WriteLineAsync("no successful request");
            return 1;
        }

        double Percentile(double p) => measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p * measured.Length) - 1)];
        var line = string.Join(' ', new[]
        {
            rps, total / elapsed, measured.Length, failures, Percentile(0.50), Percentile(0.90), Percentile(0.99), measured[^1],
        }.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)));
        Console.WriteLine(line);
        return failures > 0 ? 3 : 0;
    }
}
