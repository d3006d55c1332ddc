using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

if (args is ["--stages", ..])
{
    CalcCds.Benchmarks.StageLoop.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
    return;
}

// In-process: no per-benchmark project generation and rebuild (slow on a shared 2-core machine, and
// BenchmarkDotNet 0.14 predates net10.0 monikers). Short runs are enough to compare allocations and orders of size.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(CalcCds.Benchmarks.HotPathBenchmarks).Assembly).Run(args, config);
