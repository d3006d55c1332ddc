using CalcCds.Pathway.Narrative;

namespace CalcCds.Pathway.Tests.Narrative;

public sealed class FindingStatusTests
{
    [Theory]
    [InlineData("Soft tissue calcification in the posterior calf.")]
    [InlineData("Soft-tissue calcifications are present in the lateral lower leg.")]
    [InlineData("There is a calcified soft tissue mass in the calf.")]
    [InlineData("Calcific density in the soft tissues of the medial thigh.")]
    [InlineData("Heterotopic ossification anterior to the distal femur.")]
    [InlineData("Findings compatible with myositis ossificans of the vastus lateralis.")]
    [InlineData("Calcinosis cutis of the lower leg.")]
    [InlineData("Several phleboliths in the soft tissues of the calf.")]
    [InlineData("Amorphous mineralization within the soft tissue mass.")]
    public void Affirmed_mentions_of_soft_tissue_calcification_or_ossification_are_present(string text)
    {
        Assert.Equal(FindingStatus.Present, ReportTextReader.Read(text).Finding);
    }

    [Theory]
    [InlineData("No soft tissue calcification.")]
    [InlineData("The knee was imaged without soft tissue calcification.")]
    [InlineData("No evidence of soft tissue calcification or ossification.")]
    [InlineData("Negative for soft tissue calcification.")]
    [InlineData("Soft tissue calcification is not seen.")]
    [InlineData("The previously described calcification in the calf has resolved.")]
    [InlineData("The soft tissues are free of calcification.")]
    [InlineData("No acute fracture, dislocation, or soft tissue calcification.")]
    [InlineData("There is no radiographic evidence of heterotopic ossification.")]
    [InlineData("No acute fracture, dislocation, or suspicious soft tissue calcification.")]
    [InlineData("Interval resolution of the soft tissue calcification.")]
    [InlineData("Soft tissue calcification is no longer seen.")]
    public void Negated_mentions_are_negated(string text)
    {
        Assert.Equal(FindingStatus.Negated, ReportTextReader.Read(text).Finding);
    }

    [Theory]
    [InlineData("Cannot exclude a small calcification in the calf.")]
    [InlineData("A small soft tissue calcification cannot be excluded.")]
    [InlineData("Questionable punctate calcification in the soft tissues of the calf.")]
    [InlineData("Possible soft tissue calcification overlying the fibula.")]
    [InlineData("? small soft tissue calcification in the calf.")]
    public void Hedged_mentions_are_uncertain_and_count_as_an_index_finding(string text)
    {
        var reading = ReportTextReader.Read(text);

        Assert.Equal(FindingStatus.Uncertain, reading.Finding);
        Assert.True(reading.HasIndexFinding);
    }

    [Fact]
    public void Negation_in_an_earlier_sentence_does_not_reach_the_finding()
    {
        var reading = ReportTextReader.Read("No fracture. Soft tissue calcification in the calf.");

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.Equal("Soft tissue calcification in the calf.", reading.FindingSentence);
    }

    [Theory]
    [InlineData("No fracture, but there is soft tissue calcification in the calf.")]
    [InlineData("No fracture or dislocation; soft tissue calcification in the calf.")]
    [InlineData("There is no fracture and there is a focus of calcification in the calf.")]
    public void Negation_of_another_finding_does_not_cross_a_clause_break(string text)
    {
        Assert.Equal(FindingStatus.Present, ReportTextReader.Read(text).Finding);
    }

    [Fact]
    public void No_change_in_the_calcification_is_a_stable_finding_not_a_negation()
    {
        var reading = ReportTextReader.Read("No change in the calcification in the right calf.");

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.Equal("58158008", reading.Change);
    }

    [Fact]
    public void Affirmed_mention_wins_over_a_negated_one_elsewhere_in_the_report()
    {
        var reading = ReportTextReader.Read("No vascular calcification. Soft tissue calcification in the calf.");

        Assert.Equal(FindingStatus.Present, reading.Finding);
    }

    [Fact]
    public void Vascular_calcification_alone_is_an_index_finding_with_an_arterial_pattern()
    {
        var reading = ReportTextReader.Read("Vascular calcifications in the lower leg.");

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.Contains("linear-arterial", reading.Patterns);
        Assert.Contains("vascular-arterial", reading.Locations);
    }

    [Fact]
    public void Phleboliths_are_an_index_finding_of_venous_pattern()
    {
        var reading = ReportTextReader.Read("Scattered phleboliths in the calf.");

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.Contains("phlebolith", reading.Patterns);
        Assert.Contains("vascular-venous", reading.Locations);
    }

    [Theory]
    [InlineData("No acute fracture or dislocation. Alignment is anatomic. Joint spaces are preserved.")]
    [InlineData("Bone mineralization is normal. Soft tissues are unremarkable.")]
    [InlineData("The bones are normally mineralized and the soft tissues are unremarkable.")]
    [InlineData("Unfused ossification centre of the tibial tuberosity.")]
    [InlineData("Small ossific fragment at the tip of the lateral malleolus.")]
    public void Text_without_soft_tissue_calcification_is_not_mentioned(string text)
    {
        var reading = ReportTextReader.Read(text);

        Assert.Equal(FindingStatus.NotMentioned, reading.Finding);
        Assert.Null(reading.FindingSentence);
    }

    [Fact]
    public void Calcification_inside_a_bone_lesion_is_not_the_index_finding()
    {
        var reading = ReportTextReader.Read("Enchondroma with chondroid calcification in the distal femur.");

        Assert.Equal(FindingStatus.NotMentioned, reading.Finding);
    }

    [Fact]
    public void The_clinical_question_in_the_indication_is_not_a_finding()
    {
        var reading = ReportTextReader.Read("Clinical history: ? soft tissue calcification, calf lump.\nFindings: Normal radiograph.");

        Assert.Equal(FindingStatus.NotMentioned, reading.Finding);
    }

    [Fact]
    public void A_non_calcified_mass_does_not_assert_calcification()
    {
        var reading = ReportTextReader.Read("Non-calcified soft tissue mass in the calf.");

        Assert.Equal(FindingStatus.Negated, reading.Finding);
        Assert.Equal(MassStatus.Present, reading.AssociatedMass);
    }
}
