using CalcCds.Fhir.Model;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Lesion.LesionPictures;

namespace CalcCds.Pathway.Tests.Lesion;

/// <summary>§5 R04 condition 1, second branch: "the radiologist's impression codes it as benign" (DiagnosticReport.conclusionCode).</summary>
public sealed class R04ImpressionTests
{
    private static readonly Fact<SymptomRecord>[] NoPain = [Symptom(SymptomCodes.Pain, false)];

    private static DiagnosticReport Report(string id, string date, string status = "final", string result = "Observation/f1", string system = ImpressionCodes.System, string code = ImpressionCodes.BenignAppearing) => new()
    {
        Id = id,
        Status = status,
        Code = new CodeableConcept { Coding = [new Coding { System = FhirSystems.Loinc, Code = "25011-8" }] },
        EffectiveDateTime = FhirDateTime.Parse(date),
        Result = [new ResourceReference { Reference = result }],
        ConclusionCode = [new CodeableConcept { Coding = [new Coding { System = system, Code = code }] }],
    };

    private static List<CalcCds.Pathway.Rules.RuleCard> R04(IndexFinding finding, params DiagnosticReport[] reports) =>
        new R04SmallBenignObserve().Evaluate(Build(finding, SymptomStatus.Asymptomatic, NoPain, reports: reports)).ToList();

    [Fact]
    public void R04FiresForANonspecificCalcificationTheRadiologistCodesAsBenign()
    {
        var card = Assert.Single(R04(Benign(StcCodes.Pattern.Nonspecific), Report("rad-1", "2026-11-01")));

        Assert.Contains("Radiologist's coded impression", card.Detail, StringComparison.Ordinal);
        Assert.Contains("DiagnosticReport/rad-1", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R04DoesNotFireForANonspecificCalcificationWithoutMechanismOrImpression()
    {
        Assert.Empty(R04(Benign(StcCodes.Pattern.Nonspecific)));
    }

    [Fact]
    public void R04IgnoresABenignImpressionOnAPreliminaryReport()
    {
        Assert.Empty(R04(Benign(StcCodes.Pattern.Nonspecific), Report("rad-1", "2026-11-01", status: "preliminary")));
    }

    [Fact]
    public void R04IgnoresABenignImpressionOnAnEnteredInErrorReport()
    {
        Assert.Empty(R04(Benign(StcCodes.Pattern.Nonspecific), Report("rad-1", "2026-11-01", status: "entered-in-error")));
    }

    [Fact]
    public void R04UsesOnlyTheLatestCodedImpression()
    {
        var benign = Report("rad-1", "2026-09-01");
        var equivocal = Report("rad-2", "2026-11-01", system: FhirSystems.Snomed, code: "408379005");

        Assert.Empty(R04(Benign(StcCodes.Pattern.Nonspecific), benign, equivocal));
    }

    [Fact]
    public void R04IgnoresABenignImpressionOfAnotherFinding()
    {
        Assert.Empty(R04(Benign(StcCodes.Pattern.Nonspecific), Report("rad-1", "2026-11-01", result: "Observation/other")));
    }

    [Fact]
    public void BenignImpressionDoesNotOverrideAConcerningPattern()
    {
        Assert.Empty(R04(Benign(StcCodes.Pattern.Stippled), Report("rad-1", "2026-11-01")));
    }

    [Fact]
    public void BenignImpressionDoesNotOverrideAnUnreportedPattern()
    {
        Assert.Empty(R04(Benign(), Report("rad-1", "2026-11-01")));
    }

    [Fact]
    public void R06GivesWayToR04WhenTheImpressionIsBenign()
    {
        var picture = Build(Benign(StcCodes.Pattern.Nonspecific), SymptomStatus.Asymptomatic, NoPain, reports: [Report("rad-1", "2026-11-01")]);

        Assert.Empty(new R06UltrasoundFirst().Evaluate(picture));
    }
}
