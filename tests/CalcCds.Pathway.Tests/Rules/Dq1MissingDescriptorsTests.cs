using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Rules.DataQuality;
using CalcCds.Pathway.Tests.Support;
using static CalcCds.Pathway.Tests.Support.Resources;

namespace CalcCds.Pathway.Tests.Rules;

public sealed class Dq1MissingDescriptorsTests
{
    private static readonly Dq1MissingDescriptors Rule = new();

    [Fact]
    public void NarrativeOnlyReportFiresAndListsWhatIsMissing()
    {
        var picture = Pictures.Build(Report("Ill-defined soft tissue calcification in the posterior right calf. No fracture."));

        var card = Assert.Single(Rule.Evaluate(picture));

        Assert.Equal(CardIndicator.Info, card.Indicator);
        Assert.Equal(Dq1MissingDescriptors.MissingSummary, card.Summary);
        Assert.Contains("depth relative to the deep fascia", card.Detail, StringComparison.Ordinal);
        Assert.Contains("symptom status", card.Detail, StringComparison.Ordinal);
        Assert.Contains("DiagnosticReport/report-1", card.Detail, StringComparison.Ordinal);
        Assert.Contains("2026-10-30", card.Detail, StringComparison.Ordinal);
        Assert.Contains("known only from the report text", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteCodedDescriptorsDoNotFire() =>
        Assert.Empty(Rule.Evaluate(Pictures.Build(Finding(components: CompleteDescriptors()))));

    [Fact]
    public void NoIndexFindingDoesNotFire() =>
        Assert.Empty(Rule.Evaluate(Pictures.Build(Report("No soft tissue calcification."))));

    [Fact]
    public void NarrativeWithEveryDescriptorStillAsksToCodeThem()
    {
        var picture = Pictures.Build(Report(
            "Laminated soft tissue calcification measuring 12 mm in the subcutaneous fat of the right calf, without associated soft tissue mass. No bone involvement."));
        var finding = Assert.Single(picture.IndexFindings);

        var cards = Rule.Evaluate(picture).ToList();

        Assert.Single(cards);
        Assert.True(finding.AnyFromText);
        Assert.Contains("verified", cards[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MassWithoutSizeOrDepthIsAWarning()
    {
        var mass = Component("associated-mass", Concept("http://snomed.info/sct", "52101004"));

        var card = Assert.Single(Rule.Evaluate(Pictures.Build(Finding(components: mass))));

        Assert.Equal(CardIndicator.Warning, card.Indicator);
    }

    [Fact]
    public void PreliminaryFindingIsMarkedSoTheEvaluatorCapsIt()
    {
        var mass = Component("associated-mass", Concept("http://snomed.info/sct", "52101004"));

        var card = Assert.Single(Rule.Evaluate(Pictures.Build(Finding(status: "preliminary", components: mass))));

        Assert.True(card.FromPreliminaryData);
    }

    [Fact]
    public void OneCardPerLesion()
    {
        var picture = Pictures.Build(Finding(id: "r"), Finding(id: "l", laterality: "7771000"));

        var cards = Rule.Evaluate(picture).ToList();

        Assert.Equal(2, cards.Count);
        Assert.NotEqual(cards[0].LesionKey, cards[1].LesionKey);
    }

    [Fact]
    public void SummaryIsUnder140Characters()
    {
        Assert.True(Dq1MissingDescriptors.MissingSummary.Length < 140);
        Assert.True(Dq1MissingDescriptors.TextOnlySummary.Length < 140);
    }
}
