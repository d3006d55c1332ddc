using System.Text;
using CalcCds.Api;
using CalcCds.Api.CdsHooks;
using CalcCds.Api.Security;

namespace CalcCds.LoadHost;

/// <summary>
/// The product host exactly as Program.cs composes it, plus <c>POST /bench/baseline</c>: the P1 denominator. It reads
/// and parses the same body with the product's <see cref="CdsBodyReader"/> (same limits) and answers
/// <c>{"cards":[]}</c> without resolving prefetch or running a rule. It carries the same endpoint conventions as the
/// service routes (the CDS error filter, the client authorization policy, the concurrency limiter and the request
/// timeout), so that the two differ only by what the service does with the body, not by the pipeline around it.
/// </summary>
internal static class ServeCommand
{
    private static readonly byte[] NoCards = Encoding.UTF8.GetBytes("""{"cards":[]}""");

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory, // the product's appsettings.json is copied beside us
        });
        builder.AddCalcCdsServices();

        var app = builder.Build();
        app.UseCalcCds();
        if (Environment.GetEnvironmentVariable("CALCCDS_BENCH_GC_LOG") is { Length: > 0 } gcLog)
        {
            _ = Task.Run(() => LogGcAsync(gcLog, app.Lifetime.ApplicationStopping));
        }

        app.MapPost("/bench/baseline", BaselineAsync).AddEndpointFilter<CdsErrorFilter>().RequireCdsClient();
        await app.RunAsync();
    }

    private static async Task BaselineAsync(HttpContext context, CdsBodyReader reader)
    {
        using (await reader.ReadAsync(context.Request, context.RequestAborted))
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(NoCards, context.RequestAborted);
        }
    }

    // Harness diagnostics (CALCCDS_BENCH_GC_LOG=file): every 100 ms, the time and the GC's pause total and counts, so
    // latency outliers of a run can be matched with collections.
    private static async Task LogGcAsync(string path, CancellationToken stopping)
    {
        await using var log = new StreamWriter(path) { AutoFlush = true };
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await log.WriteLineAsync(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {GC.GetTotalPauseDuration().TotalMilliseconds:0.###} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)}"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
