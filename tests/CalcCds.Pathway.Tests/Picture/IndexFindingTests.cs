using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Tests.Support;
using static CalcCds.Pathway.Tests.Support.Resources;

namespace CalcCds.Pathway.Tests.Picture;

/// <summary>The index-finding gate of clinical-pathway.md §1.4 and the status filters of §7.4.</summary>
public sealed class IndexFindingTests
{
    [Fact]
    public void FinalCodedFindingOnTheLowerLimbIsTheIndexFinding()
    {
        var picture = Pictures.Build(Finding(components: CompleteDescriptors()));

        var finding = Assert.Single(picture.IndexFindings);
        Assert.Equal(FactOrigin.Coded, finding.Origin);
        Assert.Equal("Observation/finding-1", finding.Reference);
        Assert.Equal(Laterality.Right, finding.Laterality!.Value);
        Assert.Equal(1.2m, finding.SizeCm!.Value);
        Assert.Equal(DepthValue.Superficial, finding.Depth!.Value);
        Assert.Equal(Presence.Absent, finding.AssociatedMass!.Value);
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    [InlineData("registered")]
    [InlineData("unknown")]
    public void UnusableStatusIsNoFinding(string status) =>
        Assert.Empty(Pictures.Build(Finding(status: status)).IndexFindings);

    [Fact]
    public void PreliminaryFindingIsKeptButMarked() =>
        Assert.True(Assert.Single(Pictures.Build(Finding(status: "preliminary")).IndexFindings).IsPreliminary);

    [Theory]
    [InlineData("2667000")]
    [InlineData("82334004")]
    public void FindingNotPresentIsNoFinding(string presence) =>
        Assert.Empty(Pictures.Build(Finding(presence: presence)).IndexFindings);

    [Fact]
    public void FindingOutsideTheLowerLimbIsNoFinding() =>
        Assert.Empty(Pictures.Build(Finding(site: "368208006")).IndexFindings); // upper arm

    [Fact]
    public void FindingOlderThanTheLookBackIsNoFinding() =>
        Assert.Empty(Pictures.Build(Finding(date: "2025-10-01")).IndexFindings);

    [Fact]
    public void LookBackIsAParameter()
    {
        var options = new PathwayOptions { IndexLookbackDays = 800 };

        Assert.Single(Pictures.Build([Finding(date: "2025-10-01")], options).IndexFindings);
    }

    [Fact]
    public void SizeInAnUnknownUnitIsNotUsed()
    {
        var size = Component("lesion-max-dimension", new System.Text.Json.Nodes.JsonObject { ["value"] = 6, ["unit"] = "inch" }, "valueQuantity");

        Assert.Null(Assert.Single(Pictures.Build(Finding(components: size)).IndexFindings).SizeCm);
    }

    [Fact]
    public void NarrativeReportIsTheIndexFindingWhenNothingIsCoded()
    {
        var picture = Pictures.Build(Report("Soft tissue calcification in the posterior right calf. No fracture."));

        var finding = Assert.Single(picture.IndexFindings);
        Assert.Equal(FactOrigin.ReportText, finding.Origin);
        Assert.Equal("DiagnosticReport/report-1", finding.Reference);
        Assert.Equal(Laterality.Right, finding.Laterality!.Value);
        Assert.True(finding.Laterality.FromText);
        Assert.Contains("calcification", finding.Sentence, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NarrativeIsReadFromTheTextPresentedFormToo()
    {
        var picture = Pictures.Build(Report("See report.", presentedText: "FINDINGS: There is a 2 cm cluster of soft tissue calcification in the left calf."));

        Assert.Equal(Laterality.Left, Assert.Single(picture.IndexFindings).Laterality!.Value);
    }

    [Theory]
    [InlineData("No soft tissue calcification. No fracture.")]
    [InlineData("Normal radiographs of the right tibia and fibula.")]
    public void ReportWithoutTheFindingIsNoFinding(string conclusion) =>
        Assert.Empty(Pictures.Build(Report(conclusion)).IndexFindings);

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    [InlineData("registered")]
    public void ReportWithUnusableStatusIsIgnored(string status) =>
        Assert.Empty(Pictures.Build(Report("Soft tissue calcification in the right calf.", status: status)).IndexFindings);

    [Fact]
    public void PreliminaryReportGivesAPreliminaryFinding() =>
        Assert.True(Assert.Single(Pictures.Build(Report("Soft tissue calcification in the right calf.", status: "preliminary")).IndexFindings).IsPreliminary);

    [Fact]
    public void ReportOfAnotherExamWithoutALowerLimbSiteIsIgnored() =>
        Assert.Empty(Pictures.Build(Report("Soft tissue calcification noted.", loinc: "36643-5")).IndexFindings); // XR chest

    [Fact]
    public void CodedFindingWinsOverTextForTheSameSide()
    {
        var picture = Pictures.Build(Finding(components: CompleteDescriptors()), Report("Soft tissue calcification in the right calf."));

        Assert.Equal(FactOrigin.Coded, Assert.Single(picture.IndexFindings).Origin);
    }

    [Fact]
    public void OneFindingPerSideTheMostRecent()
    {
        var picture = Pictures.Build(
            Finding(id: "older", date: "2026-06-01"),
            Finding(id: "newer", date: "2026-10-01"),
            Finding(id: "left", laterality: "7771000"));

        Assert.Equal(["Observation/newer", "Observation/left"], picture.IndexFindings.Select(f => f.Reference).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void ExplicitNoPainMakesThePatientAsymptomatic() =>
        Assert.Equal(SymptomStatus.Asymptomatic, Pictures.Build(Finding(components: CompleteDescriptors())).Symptoms);

    [Fact]
    public void NoSymptomRecordLeavesSymptomsUnknown() =>
        Assert.Equal(SymptomStatus.Unknown, Pictures.Build(Finding()).Symptoms);
}
