using System.Globalization;
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
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(3660);

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
        var end = to is null ? clock.GetUtcNow() : Parse(to);
        var start = from is null ? end?.AddDays(-30) : Parse(from);
        ReportPeriod? bucket = (period ?? "week").ToLowerInvariant() switch
        {
            "day" => ReportPeriod.Day,
            "week" => ReportPeriod.Week,
            "month" => ReportPeriod.Month,
            _ => null,
        };
        if (start is null || end is null || bucket is null || start >= end || end - start > MaxRange)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid report query",
                detail: "'from' and 'to' must be ISO 8601 dates or date-times with from < to and at most 3660 days apart; 'period' must be day, week or month.");
        }

        var facts = await store.ReadReportFactsAsync(start.Value, end.Value, cancellationToken);
        var report = FeedbackReport.Build(facts, start.Value, end.Value, bucket.Value);
        return TypedResults.Content(JsonSerializer.Serialize(report, ReportJsonContext.Default.FeedbackReport), "application/json");
    }

    private static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime() : null;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FeedbackReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
