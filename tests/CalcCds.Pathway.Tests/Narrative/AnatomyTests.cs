using CalcCds.Pathway.Narrative;

namespace CalcCds.Pathway.Tests.Narrative;

public sealed class AnatomyTests
{
    [Theory]
    [InlineData("Calcification in the right calf.", "24028007")]
    [InlineData("Calcification in the left thigh.", "7771000")]
    [InlineData("Bilateral calf calcifications.", "51440002")]
    [InlineData("Calcification in the right and left calves.", "51440002")]
    public void Laterality_is_read_as_snomed(string text, string laterality)
    {
        Assert.Equal(laterality, ReportTextReader.Read(text).Laterality);
    }

    [Theory]
    [InlineData("Calcification in the posterior calf.", "53840002")]
    [InlineData("Calcification in the soft tissues of the lower leg.", "30021000")]
    [InlineData("Calcification adjacent to the tibia.", "30021000")]
    [InlineData("Calcification in the anterior thigh.", "68367000")]
    [InlineData("Calcification in the popliteal fossa.", "72696002")]
    [InlineData("Calcification near the lateral malleolus.", "344001")]
    [InlineData("Calcification in the soft tissues of the foot.", "61685007")]
    public void Body_site_is_read_as_snomed(string text, string site)
    {
        Assert.Equal(site, ReportTextReader.Read(text).BodySiteCode);
    }

    [Fact]
    public void The_most_specific_site_named_with_the_finding_wins()
    {
        var reading = ReportTextReader.Read("Calcification in the lower leg, in the upper calf.");

        Assert.Equal("53840002", reading.BodySiteCode);
    }

    [Fact]
    public void Side_and_site_of_the_finding_sentence_win_over_other_sentences()
    {
        var reading = ReportTextReader.Read("Left knee: no effusion. Calcification in the right calf.");

        Assert.Equal("24028007", reading.Laterality);
        Assert.Equal("53840002", reading.BodySiteCode);
    }

    [Fact]
    public void Side_comes_from_the_exam_title_when_the_finding_sentence_names_none()
    {
        var reading = ReportTextReader.Read("EXAM: XR RIGHT TIBIA AND FIBULA 2 VIEWS\nFINDINGS: Stippled calcification in the soft tissues.");

        Assert.Equal("24028007", reading.Laterality);
        Assert.Equal("30021000", reading.BodySiteCode);
    }
}
