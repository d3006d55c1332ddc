using System.Globalization;
using CalcCds.Storage;
using Spectre.Console;

namespace CalcCds.Cli.Feedback;

/// <summary>The analytics report as one aligned table: a row per rule and period, as the endpoint's JSON has them.</summary>
internal static class ReportTable
{
    public static void Write(IAnsiConsole console, FeedbackReport report, string source)
    {
        var period = report.Period switch
        {
            ReportPeriod.Day => "day",
            ReportPeriod.Week => "week",
            _ => "month",
        };
        console.MarkupLine(
            $"[bold]Feedback report[/] {Day(report.From)} – {Day(report.To)} (UTC, to exclusive) by {period} · [grey]{Markup.Escape(source)}[/]");
        if (report.Rules.Count == 0)
        {
            console.MarkupLine("[grey]No cards shown and no feedback in this range.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Rule")
            .AddColumn(char.ToUpperInvariant(period[0]) + period[1..] + " of")
            .AddColumn(new TableColumn("Shown").RightAligned())
            .AddColumn(new TableColumn("Accepted").RightAligned())
            .AddColumn(new TableColumn("Overridden").RightAligned())
            .AddColumn(new TableColumn("Acceptance").RightAligned())
            .AddColumn("Override reasons (cards)");
        foreach (var row in report.Rules)
        {
            table.AddRow(
                new Text(row.RuleId),
                new Text(Day(row.PeriodStart)),
                new Text(row.Shown.ToString(CultureInfo.InvariantCulture)),
                new Text(row.Accepted.ToString(CultureInfo.InvariantCulture)),
                new Text(row.Overridden.ToString(CultureInfo.InvariantCulture)),
                new Text(row.AcceptanceRate is { } rate ? (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-"),
                new Text(row.OverrideReasons.Count == 0 ? "-" : string.Join(Environment.NewLine, row.OverrideReasons.Select(Reason))));
        }

        console.Write(table);
        console.MarkupLine("[grey]Accepted and overridden count distinct cards; acceptance = accepted / (accepted + overridden).[/]");
    }

    private static string Reason(OverrideReasonCount reason) =>
        (reason.Code is null ? "(no reason given)" : reason.Display is { Length: > 0 } display ? $"{reason.Code} ({display})" : reason.Code)
        + " " + reason.Cards.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset instant) =>
        instant.UtcDateTime.TimeOfDay == TimeSpan.Zero
            ? instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
