using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Lesion.LesionPictures;

namespace CalcCds.Pathway.Tests.Lesion;

public sealed class RedFlagTests
{
    private static LesionAssessment Assess(IndexFinding finding, SymptomStatus symptoms = SymptomStatus.Unknown, IReadOnlyList<Fact<SymptomRecord>>? facts = null) =>
        Build(finding, symptoms, facts).Lesions.Single();

    [Fact]
    public void WorkedExampleGivesSizeDeepAndMatrix()
    {
        var lesion = Assess(DeepLargeMass());
        Assert.True(lesion.Size.IsTrue);
        Assert.True(lesion.Deep.IsTrue);
        Assert.True(lesion.Matrix.IsTrue);
        Assert.Equal(3, lesion.RedFlagCount);
        Assert.True(lesion.RedFlagMajor);
    }

    [Fact]
    public void SizeIsUnknownWhenNotReported()
    {
        var lesion = Assess(Finding());
        Assert.Equal(FlagState.Unknown, lesion.Size.State);
        Assert.Equal(FlagState.Unknown, lesion.Deep.State);
    }

    [Fact]
    public void LargePhleboliteClusterWithoutMassIsNotASizeFlag()
    {
        var finding = Benign(StcCodes.Pattern.Phlebolith) with { SizeCm = Coded(8m) };
        Assert.False(Assess(finding).Size.IsTrue);
    }

    [Fact]
    public void LargeSolitaryNonspecificExtentIsASizeFlag()
    {
        var finding = Benign(StcCodes.Pattern.Nonspecific) with { SizeCm = Coded(5.0m) };
        Assert.True(Assess(finding).Size.IsTrue);
    }

    [Fact]
    public void GeneralizedCalcinosisIsNotEligible()
    {
        var finding = Benign(StcCodes.Pattern.Nonspecific) with { SizeCm = Coded(9m), Distribution = Coded(StcCodes.Distribution.Generalized) };
        Assert.False(Assess(finding).Size.IsTrue);
    }

    [Fact]
    public void IntramuscularLocationCountsAsDeep()
    {
        var finding = Benign(StcCodes.Pattern.Stippled) with { Depth = null, Locations = [Coded(StcCodes.Location.Intramuscular)] };
        Assert.True(Assess(finding).Deep.IsTrue);
    }

    [Fact]
    public void DeepPhlebolithIsNotADeepFlag()
    {
        var finding = Benign(StcCodes.Pattern.Phlebolith) with { Depth = Coded(DepthValue.Deep) };
        Assert.False(Assess(finding).Deep.IsTrue);
    }

    [Fact]
    public void PainWithoutMassOrUnexplainedIsNotAFlag()
    {
        var finding = Benign(StcCodes.Pattern.Laminated) with { Pain = Coded(true) };
        Assert.False(Assess(finding).Pain.IsTrue);
    }

    [Fact]
    public void UnexplainedPainIsAFlag()
    {
        var finding = Benign(StcCodes.Pattern.Laminated) with { Pain = Coded(true), PainUnexplained = Coded(true) };
        Assert.True(Assess(finding).Pain.IsTrue);
    }

    [Fact]
    public void PainObservationWithPalpableMassIsAFlag()
    {
        var finding = Benign(StcCodes.Pattern.Laminated) with { AssociatedMass = null };
        var lesion = Assess(finding, SymptomStatus.Symptomatic, [Symptom(SymptomCodes.Pain, true), Symptom(SymptomCodes.PalpableMass, true)]);
        Assert.True(lesion.Pain.IsTrue);
    }

    [Fact]
    public void ErosionIsABoneFlag()
    {
        var finding = Benign(StcCodes.Pattern.Nonspecific) with { BoneInvolvement = Coded(StcCodes.Bone.Erosion) };
        var lesion = Assess(finding);
        Assert.True(lesion.Bone.IsTrue);
        Assert.True(lesion.RedFlagMajor);
    }

    [Fact]
    public void AssertedRapidGrowthIsAFlagAndNotIncreasing()
    {
        var lesion = Assess(Benign(StcCodes.Pattern.Nonspecific) with { Growth = Coded(StcCodes.Growth.Rapid) });
        Assert.True(lesion.RapidGrowth.IsTrue);
        Assert.False(lesion.Increasing.IsTrue);
    }

    [Fact]
    public void IncreasedChangeIsIncreasingButNotCounted()
    {
        var lesion = Assess(Benign(StcCodes.Pattern.Nonspecific) with { Change = Coded(SnomedCodes.Change.Increased) });
        Assert.True(lesion.Increasing.IsTrue);
        Assert.Equal(0, lesion.RedFlagCount);
    }

    [Fact]
    public void PatternMissingCountsAsNonspecific()
    {
        var lesion = Assess(Finding());
        Assert.Contains(RiskClass.Nonspecific, lesion.RiskClasses);
        Assert.False(lesion.PatternKnown);
    }

    [Fact]
    public void TextFactsDriveFlagsAndAreMarked()
    {
        var finding = Finding("DiagnosticReport/r1") with
        {
            Origin = FactOrigin.ReportText,
            SizeCm = Text(7m),
            SizeBasis = Text(StcCodes.SizeBasis.Mass),
            Depth = Text(DepthValue.Deep),
        };
        var lesion = Assess(finding);
        Assert.True(lesion.Size.IsTrue && lesion.Size.FromText);
        Assert.True(lesion.Deep.IsTrue && lesion.Deep.FromText);
    }
}
