using System.Globalization;
using CalcCds.Storage;

namespace CalcCds.Api.Feedback;

/// <summary>
/// The analytics query, <c>[From, To)</c> in UTC bucketed by <see cref="Period"/>, parsed the same way for the
/// endpoint and for <c>calccds feedback report</c> so both answer the same question for the same words.
/// </summary>
public sealed record ReportQuery(DateTimeOffset From, DateTimeOffset To, ReportPeriod Period)
{
    public const string Rules = "'from' and 'to' must be ISO 8601 dates or date-times with from < to and at most 3660 days apart; 'period' must be day, week or month.";

    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(3660);

    /// <summary>Dates or date-times (UTC when no offset). Defaults: the 30 days up to <paramref name="now"/>, by week.
    /// Null when the words do not make a valid query (see <see cref="Rules"/>).</summary>
    public static ReportQuery? TryParse(string? from, string? to, string? period, DateTimeOffset now)
    {
        var end = to is null ? now : Parse(to);
        var start = from is null ? end?.AddDays(-30) : Parse(from);
        ReportPeriod? bucket = (period ?? "week").ToUpperInvariant() switch
        {
            "DAY" => ReportPeriod.Day,
            "WEEK" => ReportPeriod.Week,
            "MONTH" => ReportPeriod.Month,
            _ => null,
        };
        return start is null || end is null || bucket is null || start >= end || end - start > MaxRange
            ? null
            : new ReportQuery(start.Value, end.Value, bucket.Value);
    }

    private static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime() : null;
}
