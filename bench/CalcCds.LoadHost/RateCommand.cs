using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;

namespace CalcCds.LoadHost;

/// <summary>
/// An open-loop, constant-rate load generator (what wrk2's <c>-R</c> does; Debian's wrk has no rate option).
/// Request i is due at start + i/rps whatever happened to earlier ones, and its latency is measured from that due
/// time, not from when it was actually sent: a stalled server therefore shows up in the percentiles instead of
/// silently lowering the rate (coordinated omission). The first <c>--warmup</c> seconds run at the same rate and are
/// not counted. Prints one line: <c>rps_target rps_achieved count errors p50_ms p90_ms p99_ms max_ms</c>.
/// </summary>
internal static partial class RateCommand
{
    // How early a sleep must end: the kernel's timer slack (50 us by default) plus wake-up latency on a busy machine.
    private static readonly long SleepMargin = Stopwatch.Frequency / 5_000; // 200 us

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
        var startUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var tick = Stopwatch.Frequency / rps;

        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * tick);
            WaitUntil(due);

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

        if (args.Optional("dump") is { } dump)
        {
            // One line per counted request, "due_unix_ms latency_ms" (NaN for a failure): where in the run the slow ones
            // fall, to be matched with the service's CALCCDS_BENCH_GC_LOG.
            await File.WriteAllLinesAsync(dump, latencies.Skip(counted).Select((l, i) =>
                string.Create(CultureInfo.InvariantCulture, $"{startUnixMs + ((counted + i) * 1000.0 / rps):0.###} {l:0.###}")));
        }

        double Percentile(double p) => measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p * measured.Length) - 1)];
        var line = string.Join(' ', new[]
        {
            rps, total / elapsed, measured.Length, failures, Percentile(0.50), Percentile(0.90), Percentile(0.99), measured[^1],
        }.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)));
        Console.WriteLine(line);
        return failures > 0 ? 3 : 0;
    }

    // Waits for the due time without holding a core that the measured service needs. Thread.Sleep only sleeps whole
    // milliseconds (and a 1 ms sleep lasts ~1.1 ms), so the previous loop yielded through the last 1.5 ms of every gap:
    // at a few hundred requests/s that kept this process runnable most of the time (measured: 45% of a core at
    // 300 req/s, two-thirds of it in sched_yield) on the 2 cores it shares with the service. usleep sleeps to the
    // microsecond, so only the last ~200 us are yielded. Lateness is still charged to the service (latency counts from
    // the due time), so this can only make the generator less intrusive, never hide a stall.
    private static void WaitUntil(long due)
    {
        while (true)
        {
            var left = due - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                return;
            }

            if (left > SleepMargin)
            {
                _ = usleep((uint)((left - SleepMargin) * 1_000_000 / Stopwatch.Frequency));
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    [LibraryImport("libc")]
    private static partial int usleep(uint microseconds);
}
