using System.Text.Json;
using System.Text.Json.Serialization;
using CalcCds.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalcCds.Api.Feedback;

/// <summary>
/// <c>GET /admin/feedback/report?from=&amp;to=&amp;period=day|week|month</c>: per rule and period, cards shown,
/// accepted, overridden, override reasons and acceptance rate. Guarded by <see cref="AdminKeyFilter"/>, not by the CDS
/// client token.
/// </summary>
public static class FeedbackAnalyticsEndpoints
{
    public static RouteGroupBuilder MapFeedbackAnalytics(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin").AddEndpointFilter<AdminKeyFilter>();
        group.MapGet("/feedback/report", GetReportAsync).WithName("feedback-report");
        return group;
    }

    /// <summary><paramref name="from"/> is inclusive, <paramref name="to"/> exclusive (dates or date-times; UTC when no
    /// offset). Defaults: the 30 days up to now, by week.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetReportAsync(
        IFeedbackStore store,
        TimeProvider clock,
        string? from,
        string? to,
        string? period,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        if (ReportQuery.TryParse(from, to, period, clock.GetUtcNow()) is not { } query)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid report query", detail: ReportQuery.Rules);
        }

        var facts = await store.ReadReportFactsAsync(query.From, query.To, cancellationToken);
        var report = FeedbackReport.Build(facts, query.From, query.To, query.Period);
        return TypedResults.Content(JsonSerializer.Serialize(report, ReportJsonContext.Default.FeedbackReport), "application/json");
    }
}

/// <summary>The report's JSON shape, shared by the endpoint and the CLI (which reads it back from a running service).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FeedbackReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
