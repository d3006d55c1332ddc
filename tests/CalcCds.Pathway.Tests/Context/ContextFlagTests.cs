using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Context.Chart;

namespace CalcCds.Pathway.Tests.Context;

public sealed class ContextFlagTests
{
    [Fact]
    public void ResolvedInjuryCountsAsTraumaHistory()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "S82.201A", clinical: "resolved")]);

        var evidence = Assert.Single(picture.Context.TraumaHistory.Evidence);
        Assert.Equal("Condition/c1", evidence.Fact.Reference);
        Assert.Equal("2015-03-01", evidence.Fact.Date);
    }

    [Fact]
    public void RefutedInjuryDoesNotCountAsTraumaHistory()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "S82.201A", verification: "refuted")]);

        Assert.False(picture.Context.TraumaHistory.IsSet);
    }

    [Fact]
    public void EnteredInErrorInjuryDoesNotCountAsTraumaHistory()
    {
        var picture = PictureOf(conditions: [Condition("c1", Sct, "125602001", clinical: null, verification: "entered-in-error")]);

        Assert.False(picture.Context.TraumaHistory.IsSet);
        Assert.True(picture.Context.TraumaHistoryUnknown);
    }

    [Theory]
    [InlineData("S82.201A")]
    [InlineData("S82201A")]
    [InlineData("s82.201a")]
    [InlineData("Z87.828")]
    [InlineData("Z87828")]
    public void IcdInjuryCodesMatchWithOrWithoutDot(string code)
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, code)]);

        Assert.True(picture.Context.TraumaHistory.IsSet);
    }

    [Fact]
    public void InjuryOutsideTheLowerLimbIsNotTraumaHistory()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "S52.501A")]);

        Assert.False(picture.Context.TraumaHistory.IsSet);
    }

    [Fact]
    public void HaematomaCountsAsTraumaHistory()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "M79.81", clinical: "inactive")]);

        Assert.True(picture.Context.TraumaHistory.IsSet);
    }

    [Fact]
    public void ProcedureAtTheLowerLimbCountsAsTraumaHistory()
    {
        var picture = PictureOf(procedures: [Procedure("p1", Sct, "387713003", site: SnomedCodes.BodySite.Calf)]);

        Assert.Equal("Procedure/p1", Assert.Single(picture.Context.TraumaHistory.Evidence).Fact.Reference);
    }

    [Fact]
    public void NotDoneProcedureDoesNotCount()
    {
        var picture = PictureOf(procedures: [Procedure("p1", Sct, "387713003", site: SnomedCodes.BodySite.Calf, status: "not-done")]);

        Assert.False(picture.Context.TraumaHistory.IsSet);
    }

    [Fact]
    public void TraumaOnTheOtherLegDoesNotConcernTheLesion()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "S82.201A", side: Laterality.Left)]);

        Assert.False(picture.Context.TraumaHistory.AtSide(Laterality.Right).IsSet);
        Assert.True(picture.Context.TraumaHistory.AtSide(Laterality.Left).IsSet);
        Assert.True(picture.Context.TraumaHistory.AtSide(null).IsSet);
    }

    [Theory]
    [InlineData("T79.A21A")]
    [InlineData("M79.A22")]
    public void CompartmentSyndromeCodesSetCompartmentHistory(string code)
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, code, clinical: "resolved")]);

        Assert.True(picture.Context.CompartmentHistory.IsSet);
    }

    [Fact]
    public void FasciotomySetsCompartmentHistory()
    {
        var picture = PictureOf(procedures: [Procedure("p1", FhirSystems.Cpt, "27601")]);

        Assert.True(picture.Context.CompartmentHistory.IsSet);
        Assert.False(picture.Context.TraumaHistoryUnknown);
    }

    [Theory]
    [InlineData("S06.5X0A")]
    [InlineData("G82.21")]
    [InlineData("M61.269")]
    [InlineData("T91.3XXS")]
    public void HeadOrSpinalInjuryOrParalysisSetsHoRisk(string code)
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, code, clinical: "inactive")]);

        Assert.True(picture.Context.HeterotopicOssificationRisk.IsSet);
    }

    [Fact]
    public void InactiveLupusCountsAsAutoimmune()
    {
        var picture = PictureOf(conditions: [Condition("c1", Sct, "55464009", clinical: "inactive")]);

        Assert.True(picture.Context.Autoimmune.IsSet);
    }

    [Fact]
    public void ResolvedDiabetesIsNotActiveDiabetes()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "E11.9", clinical: "resolved")]);

        Assert.False(picture.Context.Diabetes.IsSet);
    }

    [Fact]
    public void ActivePadAndCviAreSet()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "I70.213"), Condition("c2", Icd, "I87.2")]);

        Assert.True(picture.Context.PeripheralArterialDisease.IsSet);
        Assert.True(picture.Context.ChronicVenousInsufficiency.IsSet);
    }

    [Fact]
    public void LinearArterialPatternSetsVascArt()
    {
        var finding = Finding(patterns: StcCodes.Pattern.LinearArterial);
        var picture = PictureOf(findings: [finding]);

        Assert.True(ContextFlags.VascularArterial(finding).IsSet);
        Assert.False(ContextFlags.VascularVenous(finding).IsSet);
    }

    [Fact]
    public void VascularVenousLocationSetsVascVen()
    {
        var finding = Finding(reference: "Observation/f1");
        var picture = PictureOf(findings: [finding], imaging: [CodedFinding("f1", location: StcCodes.Location.VascularVenous)]);

        Assert.True(ContextFlags.VascularVenous(picture.IndexFindings[0]).IsSet);
    }

    [Fact]
    public void ProvisionalRecentDvtConditionIsDvtSuspicion()
    {
        var picture = PictureOf(conditions: [Condition("c1", Sct, "404223003", verification: "provisional", onset: "2026-11-15")]);

        Assert.True(picture.Context.DvtSuspicion.IsSet);
        Assert.False(picture.Context.KnownDeepVeinThrombosis.IsSet);
    }

    [Fact]
    public void OldProvisionalDvtConditionIsNotDvtSuspicion()
    {
        var picture = PictureOf(conditions: [Condition("c1", Sct, "404223003", verification: "provisional", onset: "2026-09-01")]);

        Assert.False(picture.Context.DvtSuspicion.IsSet);
    }

    [Fact]
    public void AcuteCalfPainAndSwellingOnTheSameSideIsDvtSuspicion()
    {
        var picture = PictureOf(exams:
        [
            Exam("o1", SymptomCodes.PainInLowerLimb, side: Laterality.Right),
            Exam("o2", SymptomCodes.SwellingOfLowerLeg, side: Laterality.Right),
        ]);

        Assert.Equal(2, picture.Context.DvtSuspicion.Evidence.Count);
    }

    [Fact]
    public void PainAndSwellingOnOppositeSidesIsNotDvtSuspicion()
    {
        var picture = PictureOf(exams:
        [
            Exam("o1", SymptomCodes.PainInLowerLimb, side: Laterality.Right),
            Exam("o2", SymptomCodes.SwellingOfLowerLeg, side: Laterality.Left),
        ]);

        Assert.False(picture.Context.DvtSuspicion.IsSet);
    }

    [Fact]
    public void PainWithoutALowerLimbSiteIsNotCalfPain()
    {
        var picture = PictureOf(exams: [Exam("o1", SymptomCodes.Pain), Exam("o2", SymptomCodes.SwellingOfLowerLeg)]);

        Assert.False(picture.Context.DvtSuspicion.IsSet);
    }

    [Fact]
    public void PainAndSwellingOlderThanFourteenDaysIsNotDvtSuspicion()
    {
        var picture = PictureOf(exams:
        [
            Exam("o1", SymptomCodes.PainInLowerLimb, date: "2026-10-01"),
            Exam("o2", SymptomCodes.SwellingOfLowerLeg, date: "2026-10-01"),
        ]);

        Assert.False(picture.Context.DvtSuspicion.IsSet);
    }
}
