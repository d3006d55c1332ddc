using CalcCds.Hooks.Services;

namespace CalcCds.Api.Operations;

/// <summary>Counts every answered CDS Hooks request (including 401/429 from the security layer) by service and status.</summary>
public static class RequestMetrics
{
    private static readonly HashSet<string> CdsEndpoints = new(StringComparer.Ordinal) { "discovery", "call-service", "feedback" };

    /// <summary>Place before the security middleware so refused requests are counted too.</summary>
    public static IApplicationBuilder UseCdsRequestMetrics(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        finally
        {
            Record(context);
        }
    });

    private static void Record(HttpContext context)
    {
        var name = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (name is null || !CdsEndpoints.Contains(name))
        {
            return;
        }

        // Only known service ids become tag values: an arbitrary path segment must not create a new time series.
        var id = context.GetRouteValue("id") as string;
        var catalog = context.RequestServices.GetRequiredService<ICdsServiceCatalog>();
        var service = id is null ? "" : catalog.Find(id)?.Id ?? "unknown";
        context.RequestServices.GetRequiredService<CdsMetrics>().Request(service, name, context.Response.StatusCode);
    }
}
