namespace CalcCds.Storage.Tests;

public sealed class FeedbackReportTests
{
    [Theory]
    [InlineData("2026-11-22T23:59:00Z", ReportPeriod.Week, "2026-11-16")] // Sunday belongs to the week of Monday 16th
    [InlineData("2026-11-23T00:00:00Z", ReportPeriod.Week, "2026-11-23")]
    [InlineData("2026-11-23T00:30:00+02:00", ReportPeriod.Day, "2026-11-22")] // buckets are UTC days
    [InlineData("2026-11-30T10:00:00Z", ReportPeriod.Month, "2026-11-01")]
    public void Periods_start_on_utc_days_monday_weeks_and_first_of_month(string instant, ReportPeriod period, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), FeedbackReport.PeriodStart(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), period));

    [Fact]
    public void Feedback_without_a_known_rule_is_reported_under_unknown()
    {
        var at = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        var facts = new ReportFacts([], [new FeedbackFact(null, "c", "accepted", null, null, null, at)]);

        var report = FeedbackReport.Build(facts, at, at.AddDays(1), ReportPeriod.Day);

        Assert.Equal(FeedbackReport.UnknownRule, Assert.Single(report.Rules).RuleId);
    }

    [Fact]
    public void Acceptance_rate_is_null_when_no_card_had_feedback()
    {
        var at = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        var report = FeedbackReport.Build(new ReportFacts([new ShownCount("CC1", at, 5)], []), at, at.AddDays(1), ReportPeriod.Day);

        Assert.Null(Assert.Single(report.Rules).AcceptanceRate);
    }
}
