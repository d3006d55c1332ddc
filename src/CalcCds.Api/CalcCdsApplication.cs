using CalcCds.Api.CdsHooks;
using CalcCds.Api.Feedback;
using CalcCds.Api.Infrastructure;
using CalcCds.Api.Operations;
using CalcCds.Api.Security;

namespace CalcCds.Api;

/// <summary>
/// How the CalcCds host is composed, in one place, so that Program.cs and any in-process host (the replay CLI,
/// benchmarks) run exactly the same service.
/// </summary>
public static class CalcCdsApplication
{
    public static WebApplicationBuilder AddCalcCdsServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.UseBatchedConsole();
        builder.Services.AddCalcCds();
        builder.Services.AddCdsHooksSecurity(builder.Configuration, builder.Environment);
        return builder;
    }

    public static WebApplication UseCalcCds(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCdsRequestMetrics(); // before security, so refused requests are counted too
        app.UseCdsHooksSecurity();
        app.MapHealth();
        app.MapCdsHooks().RequireCdsClient();
        app.MapFeedbackAnalytics();
        return app;
    }
}
