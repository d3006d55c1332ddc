using CalcCds.Cli.Replay;
using Spectre.Console;

namespace CalcCds.Cli.Output;

/// <summary>Cards as a table per patient and hook, problems in red on the error stream, a summary line.</summary>
internal sealed class TableReporter(IAnsiConsole console, TextWriter error) : IReplayReporter
{
    public void Result(HookResult result)
    {
        console.MarkupLine($"[bold]{Markup.Escape(result.Patient.Label)}[/] · {result.Hook} · [grey]{Markup.Escape(Path.GetFileName(result.File))}[/]");
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn("Indicator")
            .AddColumn("Rule")
            .AddColumn("Summary")
            .AddColumn("Suggestions");
        foreach (var card in result.Cards)
        {
            table.AddRow(
                new Markup(Indicator(card.Indicator)),
                new Text(card.Rule),
                new Text(card.Summary),
                new Text(card.Suggestions.Count == 0 ? "-" : string.Join(Environment.NewLine, card.Suggestions.Select(s => "• " + s))));
        }

        if (result.Cards.Count == 0)
        {
            table.AddRow(new Markup("[grey]-[/]"), new Text("-"), new Markup("[grey]no cards[/]"), new Text("-"));
        }

        console.Write(table);
        if (result.ExpectFile is not null)
        {
            var name = Markup.Escape(Path.GetFileName(result.ExpectFile));
            console.MarkupLine(result.Failures.Count == 0
                ? $"  [green]expectations met[/] ({name}{(result.Pending.Count > 0 ? $", {result.Pending.Count} pending" : string.Empty)})"
                : $"  [red]expectations failed[/] ({name}):");
            foreach (var failure in result.Failures)
            {
                console.MarkupLine($"    [red]{Markup.Escape(failure)}[/]");
            }

            foreach (var pending in result.Pending)
            {
                console.MarkupLine($"    [yellow]{Markup.Escape(pending)}[/]");
            }
        }

        console.WriteLine();
    }

    public void Problem(string file, string message) => error.WriteLine($"error: {file}: {message}");

    public void Note(string file, string message) => console.MarkupLine($"[grey]note: {Markup.Escape(Path.GetFileName(file))}: {Markup.Escape(message)}[/]");

    public void ExpectationMiss(string file, string expectFile, string message) =>
        console.MarkupLine($"[red]expectations failed[/] ({Markup.Escape(Path.GetFileName(expectFile))}) for {Markup.Escape(Path.GetFileName(file))}: {Markup.Escape(message)}");

    public void Summary(RunSummary summary) => console.WriteLine(SummaryLine.Format(summary));

    private static string Indicator(string indicator) => indicator switch
    {
        "critical" => "[bold red]critical[/]",
        "warning" => "[yellow]warning[/]",
        "info" => "[blue]info[/]",
        _ => Markup.Escape(indicator),
    };
}
