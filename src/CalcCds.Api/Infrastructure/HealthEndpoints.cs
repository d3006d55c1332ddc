using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CalcCds.Api.Infrastructure;

/// <summary><c>/health/live</c> answers while the process runs; <c>/health/ready</c> runs the registered checks.</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return routes;
    }
}
