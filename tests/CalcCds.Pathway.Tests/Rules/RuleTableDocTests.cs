using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Tests.Rules;

/// <summary>
/// docs/rules.md is generated from the rule classes; these tests keep it from drifting and make every rule, including
/// ones added later, carry its description.
/// </summary>
public sealed class RuleTableDocTests
{
    private static readonly string DocPath = Path.Combine(RepoPaths.Root, "docs", "rules.md");

    [Fact]
    public void RuleTableDocMatchesTheRules()
    {
        var rendered = RuleTable.Render(RuleCatalog.CreateAll());
        if (Environment.GetEnvironmentVariable("CALCCDS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, rendered);
        }

        var onDisk = File.Exists(DocPath) ? File.ReadAllText(DocPath) : string.Empty;
        Assert.True(
            string.Equals(onDisk.ReplaceLineEndings("\n"), rendered.ReplaceLineEndings("\n"), StringComparison.Ordinal),
            $"docs/rules.md is out of date with the rule classes; regenerate with: {RuleTable.RegenerateCommand}");
    }

    [Fact]
    public void RuleTableDocDescribesEveryRule()
    {
        var missing = RuleTable.Undocumented(RuleCatalog.CreateAll());

        Assert.True(missing.Count == 0, "Rules without a [RuleDoc] attribute (add one next to the class): " + string.Join(", ", missing));
    }

    [Fact]
    public void RuleTableDocListsEveryDiscoveredRuleOnce()
    {
        var rules = RuleCatalog.CreateAll();
        var rendered = RuleTable.Render(rules);

        Assert.All(rules, r => Assert.Single(rendered.Split('\n'), line => line.StartsWith($"| {r.Id} |", StringComparison.Ordinal)));
    }

    [Fact]
    public void RuleIdsAreUnique()
    {
        var duplicates = RuleCatalog.CreateAll().GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData("S0 (000_3dc2fe2d68cc5aaf.txt): \"Consider referral\"", "S0")]
    [InlineData("S3: \"Deep location (below fascia)\"", "S3")]
    [InlineData("ESMO 2014 (Ann Oncol 25 Suppl 3): refer", "ESMO 2014")]
    [InlineData("Corrected calcium Ca + 0.8 × (4.0 − albumin g/dL)", "Corrected calcium")]
    public void SourceLabelIsTheTextBeforeTheQuote(string source, string label) => Assert.Equal(label, RuleTable.Label(source));
}
