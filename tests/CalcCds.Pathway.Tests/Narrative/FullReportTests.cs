using CalcCds.Pathway.Narrative;

namespace CalcCds.Pathway.Tests.Narrative;

/// <summary>Whole reports, end to end; the texts are in Narrative/Reports/.</summary>
public sealed class FullReportTests
{
    private static NarrativeReading ReadSample(string name) =>
        ReportTextReader.Read(File.ReadAllText(Path.Combine(
            RepoPaths.Root, "tests", "CalcCds.Pathway.Tests", "Narrative", "Reports", name)));

    [Fact]
    public void Deep_calf_mass_report_yields_every_red_flag_descriptor()
    {
        var reading = ReadSample("deep-calf-mass.txt");

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.Equal(["stippled"], reading.Patterns);
        Assert.Equal(6.2m, reading.MaxSizeCm);
        Assert.Equal("mass", reading.SizeBasis);
        Assert.Equal("795002", reading.Depth);
        Assert.Equal(MassStatus.Present, reading.AssociatedMass);
        Assert.Equal("none", reading.BoneInvolvement);
        Assert.Equal("24028007", reading.Laterality);
        Assert.Equal("53840002", reading.BodySiteCode);
        Assert.Contains("within-mass", reading.Locations);
        Assert.Empty(reading.MissingDescriptors);
    }

    [Fact]
    public void Deep_calf_mass_report_ignores_the_enlarging_lump_of_the_history()
    {
        var reading = ReadSample("deep-calf-mass.txt");

        Assert.Null(reading.Growth);
    }

    [Fact]
    public void Phlebolith_report_is_a_benign_venous_finding_without_mass()
    {
        var reading = ReadSample("phleboliths.txt");

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.Contains("phlebolith", reading.Patterns);
        Assert.Contains("vascular-venous", reading.Locations);
        Assert.Equal(MassStatus.Absent, reading.AssociatedMass);
        Assert.Equal("none", reading.BoneInvolvement);
        Assert.Equal("7771000", reading.Laterality);
        Assert.Equal("53840002", reading.BodySiteCode);
        Assert.Contains("multifocal", reading.Distributions);
    }

    [Fact]
    public void Normal_report_negates_the_finding()
    {
        var reading = ReadSample("normal-leg.txt");

        Assert.Equal(FindingStatus.Negated, reading.Finding);
        Assert.False(reading.HasIndexFinding);
        Assert.Equal("none", reading.BoneInvolvement);
    }

    [Fact]
    public void Myositis_ossificans_follow_up_reads_ossification_maturing_and_shrinking()
    {
        var reading = ReadSample("myositis-ossificans-follow-up.txt");

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.Equal("ossification", reading.Matrix);
        Assert.Contains("peripheral-zonal", reading.Patterns);
        Assert.Equal("1250004", reading.Change);
        Assert.Equal("decreased", reading.Growth);
        Assert.Equal(4m, reading.MaxSizeCm);
        Assert.Equal(MassStatus.Absent, reading.AssociatedMass);
        Assert.Equal("none", reading.BoneInvolvement);
        Assert.Equal("7771000", reading.Laterality);
        Assert.Equal("68367000", reading.BodySiteCode);
    }

    [Fact]
    public void Vague_report_lists_the_missing_dq1_descriptors()
    {
        var reading = ReadSample("vague.txt");

        Assert.Equal(FindingStatus.Present, reading.Finding);
        Assert.Equal(["nonspecific"], reading.Patterns);
        Assert.Equal(["lesion-max-dimension", "depth", "associated-mass", "bone-involvement"], reading.MissingDescriptors);
    }
}
