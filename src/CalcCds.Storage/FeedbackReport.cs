using System.Text.Json.Serialization;

namespace CalcCds.Storage;

/// <summary>How the analytics report buckets time (UTC; weeks start on Monday, as ISO 8601 weeks do).</summary>
public enum ReportPeriod
{
    [JsonStringEnumMemberName("day")]
    Day,

    [JsonStringEnumMemberName("week")]
    Week,

    [JsonStringEnumMemberName("month")]
    Month,
}

/// <summary>
/// Per rule and per period: cards shown, cards accepted and overridden, override reasons, acceptance rate.
/// Counts are of distinct cards, not of reports: an EHR that reports the same card twice (a retried post, a clinician
/// who changes their mind) must not inflate the numbers a committee reads; every report is still stored.
/// </summary>
public sealed record FeedbackReport(DateTimeOffset From, DateTimeOffset To, ReportPeriod Period, IReadOnlyList<RuleReport> Rules)
{
    /// <summary>The rule label for feedback whose card no logged evaluation produced (log purged, or another instance).</summary>
    public const string UnknownRule = "unknown";

    /// <summary>Builds the report. Shown cards are bucketed by evaluation day, feedback by its outcome timestamp.</summary>
    public static FeedbackReport Build(ReportFacts facts, DateTimeOffset from, DateTimeOffset to, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var shown = facts.Shown
            .GroupBy(s => (s.RuleId, Start: PeriodStart(s.Day, period)))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var feedback = facts.Feedback
            .GroupBy(f => (RuleId: f.RuleId ?? UnknownRule, Start: PeriodStart(f.OutcomeTimestamp, period)))
            .ToDictionary(g => g.Key, g => g.ToList());

        var rows = shown.Keys.Union(feedback.Keys)
            .Order()
            .Select(key => Row(key.RuleId, key.Start, shown.GetValueOrDefault(key), feedback.GetValueOrDefault(key) ?? []))
            .ToList();
        return new FeedbackReport(from, to, period, rows);
    }

    public static DateTimeOffset PeriodStart(DateTimeOffset instant, ReportPeriod period)
    {
        var day = new DateTimeOffset(instant.UtcDateTime.Date, TimeSpan.Zero);
        return period switch
        {
            ReportPeriod.Day => day,
            ReportPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            ReportPeriod.Month => new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
        };
    }

    private static RuleReport Row(string ruleId, DateTimeOffset start, long shown, List<FeedbackFact> reports)
    {
        var accepted = reports.Where(r => r.Outcome == "accepted").Select(r => r.CardUuid).Distinct(StringComparer.Ordinal).Count();
        var overriddenReports = reports.Where(r => r.Outcome == "overridden").ToList();
        var overridden = overriddenReports.Select(r => r.CardUuid).Distinct(StringComparer.Ordinal).Count();
        var reasons = overriddenReports
            .GroupBy(r => (r.ReasonSystem, r.ReasonCode))
            .Select(g => new OverrideReasonCount(
                g.Key.ReasonSystem,
                g.Key.ReasonCode,
                g.Select(r => r.ReasonDisplay).FirstOrDefault(d => d is not null),
                g.Select(r => r.CardUuid).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(r => r.Cards)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var decided = accepted + overridden;
        double? rate = decided == 0 ? null : Math.Round((double)accepted / decided, 4);
        return new RuleReport(ruleId, start, shown, accepted, overridden, rate, reasons);
    }
}

/// <summary>
/// One rule in one period. <see cref="AcceptanceRate"/> is accepted / (accepted + overridden): the share of cards a
/// clinician acted on that were accepted (null when none were); cards shown without feedback do not lower it, because
/// many EHRs send no feedback for a card that was merely read.
/// </summary>
public sealed record RuleReport(
    string RuleId,
    DateTimeOffset PeriodStart,
    long Shown,
    int Accepted,
    int Overridden,
    double? AcceptanceRate,
    IReadOnlyList<OverrideReasonCount> OverrideReasons);

/// <summary>An override reason and how many cards were overridden with it; system and code null when none was given.</summary>
public sealed record OverrideReasonCount(string? System, string? Code, string? Display, int Cards);
