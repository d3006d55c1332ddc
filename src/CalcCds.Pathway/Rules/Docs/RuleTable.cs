using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CalcCds.Pathway.Rules.Docs;

/// <summary>
/// Renders docs/rules.md, the rule table of issue 3 (id, name, hooks, what fires it, indicators, suggested orders,
/// sources, on/off by default), from the rules themselves: identity and hooks from <see cref="IRule"/>, the prose
/// from each class's <see cref="RuleDocAttribute"/>. A test compares the file with this output, so it cannot drift.
/// </summary>
public static partial class RuleTable
{
    public const string RegenerateCommand = "CALCCDS_UPDATE_DOCS=1 dotnet test tests/CalcCds.Pathway.Tests --filter RuleTableDoc";

    private static readonly string[] GroupOrder = ["R", "DQ", "O"];

    private static readonly string[] LabelEnds = [" (", ":", ";", ", "];

    private static readonly char[] FormulaSigns = ['+', '×', '=', '<', '>'];

    /// <summary>The rules that have no <see cref="RuleDocAttribute"/>, by id and class.</summary>
    public static IReadOnlyList<string> Undocumented(IEnumerable<IRule> rules) =>
        rules.Where(r => RuleCatalog.DocOf(r) is null).Select(r => $"{r.Id} ({r.GetType().FullName})").ToList();

    public static string Render(IEnumerable<IRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var ordered = rules.OrderBy(r => SortKey(r.Id), StringComparer.Ordinal).ToList();
        var md = new StringBuilder();
        md.AppendLine("# CalcCds rule table")
            .AppendLine()
            .AppendLine("<!-- Generated from the rule classes (IRule members and their [RuleDoc] attribute). Do not edit by hand;")
            .Append("     regenerate with: ").Append(RegenerateCommand).AppendLine(" -->")
            .AppendLine()
            .AppendLine("The rules of `../shared/docs/clinical-pathway.md` §5 as implemented. Every card carries")
            .AppendLine("`source.topic` = `http://calccds.org/fhir/CodeSystem/cds-rule#<Id>`. Patient-view cards are ordered")
            .AppendLine("critical > warning > info and capped at the configured budget (default 3); R01, R02, a critical R10 and O01")
            .AppendLine("are never dropped. Rules marked *off* run only when listed in `CalcCds:Pathway:EnabledOptionalRules`; any rule")
            .AppendLine("can be switched off with `CalcCds:Pathway:DisabledRules`.")
            .AppendLine()
            .AppendLine("| Id | Name | Hooks | Fires when | Indicator | Suggested orders | Sources | Default |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var rule in ordered)
        {
            var doc = RuleCatalog.DocOf(rule);
            var hooks = string.Join(", ", rule.Hooks.Order(StringComparer.Ordinal));
            md.Append("| ").Append(Cell(rule.Id))
                .Append(" | ").Append(Cell(rule.Name))
                .Append(" | ").Append(Cell(hooks))
                .Append(" | ").Append(Cell(doc?.Fires ?? "(undocumented)"))
                .Append(" | ").Append(Cell(doc?.Indicators ?? "—"))
                .Append(" | ").Append(Cell(doc?.Orders ?? "—"))
                .Append(" | ").Append(Cell(doc is null ? "—" : string.Join(", ", doc.Sources.Select(Label).Distinct(StringComparer.Ordinal))))
                .Append(" | ").Append(rule.OptionalOffByDefault ? "off" : "on")
                .AppendLine(" |");
        }

        md.AppendLine().AppendLine("## Sources cited by each rule").AppendLine()
            .AppendLine("Verbatim from the seeds (`../shared/seeds/`, S0–S4) or the guideline named; the same text appears under")
            .AppendLine("**Sources** in the card detail.");
        foreach (var rule in ordered)
        {
            md.AppendLine().Append("### ").Append(rule.Id).Append(" — ").AppendLine(rule.Name).AppendLine();
            var sources = RuleCatalog.DocOf(rule)?.Sources ?? [];
            if (sources.Count == 0)
            {
                md.AppendLine("- (none)");
            }

            foreach (var source in sources)
            {
                md.Append("- ").AppendLine(source);
            }
        }

        return md.ToString();
    }

    /// <summary>
    /// The short name of a source for the table: its text up to the first " (", ":", ";" or ", " ("S0", "ESMO 2014");
    /// a name that is a formula ("Corrected calcium Ca + 0.8 ×") keeps its first two words.
    /// </summary>
    public static string Label(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ends = LabelEnds.Select(s => source.IndexOf(s, StringComparison.Ordinal)).Where(i => i > 0).ToList();
        var label = ends.Count > 0 ? source[..ends.Min()].Trim() : source;
        return label.IndexOfAny(FormulaSigns) >= 0 ? string.Join(' ', label.Split(' ').Take(2)) : label;
    }

    /// <summary>R01 … R25, then DQ1, DQ2, then O01 …; R06b right after R06.</summary>
    private static string SortKey(string id)
    {
        var match = IdParts().Match(id);
        if (!match.Success)
        {
            return "9|" + id;
        }

        var group = Array.IndexOf(GroupOrder, match.Groups[1].Value.ToUpperInvariant());
        var number = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{(group < 0 ? 8 : group)}|{number:D4}|{match.Groups[3].Value}");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    [GeneratedRegex(@"^([A-Za-z]+)(\d+)([a-z]*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IdParts();
}
