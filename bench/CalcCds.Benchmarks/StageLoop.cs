using System.Diagnostics;
using System.Globalization;

namespace CalcCds.Benchmarks;

/// <summary>
/// <c>--stages</c>: the hot-path stages of <see cref="HotPathBenchmarks"/> in one process, round-robin, best of many
/// rounds, each as a multiple of P1's baseline (the <c>JsonDocument</c> parse of the same body) measured in the same
/// rounds. Unlike BenchmarkDotNet's in-process job it keeps the process's own GC settings, so micro.sh runs it with
/// the container image's (the Dockerfile's <c>DOTNET_GC*</c> lines), as the load harness runs the service.
/// </summary>
internal static class StageLoop
{
    public static void Run(int rounds)
    {
        const int WarmUpRounds = 5; // tiered compilation settles in these; they are not counted
        rounds = Math.Max(rounds, WarmUpRounds + 1);
        var bench = new HotPathBenchmarks();
        bench.Setup();
        try
        {
            (string Name, Func<int> Run)[] stages =
            [
                ("P1's baseline: JsonDocument parse of the same body", bench.ParseDocument),
                ("parse: JSON + CDS request + FHIR prefetch", () => bench.ParsePrefetch().GetAwaiter().GetResult()),
                ("rule evaluation (picture included)", bench.EvaluateRules),
                ("card serialization", bench.SerializeCards),
                ("whole call without HTTP", () => bench.WholeCall().GetAwaiter().GetResult()),
            ];
            const int PerRound = 50;
            var best = Enumerable.Repeat(double.MaxValue, stages.Length).ToArray();
            var allocated = new long[stages.Length];
            for (var round = 0; round < rounds; round++)
            {
                for (var s = 0; s < stages.Length; s++)
                {
                    var bytes = GC.GetAllocatedBytesForCurrentThread();
                    var start = Stopwatch.GetTimestamp();
                    for (var i = 0; i < PerRound; i++)
                    {
                        stages[s].Run();
                    }

                    var micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds / PerRound;
                    allocated[s] = (GC.GetAllocatedBytesForCurrentThread() - bytes) / PerRound;
                    if (round >= WarmUpRounds)
                    {
                        best[s] = Math.Min(best[s], micros);
                    }
                }
            }

            Console.WriteLine($"Stages in one process, best of {rounds - WarmUpRounds} rounds of {PerRound}; GC: server={System.Runtime.GCSettings.IsServerGC}, DOTNET_GCgen0size={Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "unset"}");
            Console.WriteLine();
            Console.WriteLine("| stage | best time | × baseline | allocated |");
            Console.WriteLine("|---|---:|---:|---:|");
            for (var s = 0; s < stages.Length; s++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stages[s].Name} | {best[s]:0.0} µs | {best[s] / best[0]:0.00} | {allocated[s] / 1024.0:0.0} KB |"));
            }
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
