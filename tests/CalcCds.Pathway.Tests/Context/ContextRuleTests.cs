using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Rules.Context;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Context.Chart;

namespace CalcCds.Pathway.Tests.Context;

public sealed class ContextRuleTests
{
    private static List<RuleCard> Run(IRule rule, PatientPicture picture) => rule.Evaluate(picture).ToList();

    private static ServiceRequest Order(RuleCard card, int index = 0) =>
        Assert.IsType<ServiceRequest>(Assert.Single(card.Suggestions[index].Actions!).Resource);

    private static IEnumerable<string?> Codes(ServiceRequest request, string system) =>
        request.Code!.Coding!.Where(c => c.System == system).Select(c => c.Code);

    // R12
    [Fact]
    public void R12FiresOnResolvedTraumaWithNonspecificPattern()
    {
        var picture = PictureOf(
            findings: [Finding(patterns: StcCodes.Pattern.Nonspecific)],
            conditions: [Condition("c1", Icd, "S80.11XA", clinical: "resolved")]);

        var card = Assert.Single(Run(new R12TraumaHistory(), picture));
        Assert.Equal(CardIndicator.Info, card.Indicator);
        Assert.Contains("Condition/c1", card.Detail, StringComparison.Ordinal);
        Assert.Empty(card.Suggestions);
    }

    [Fact]
    public void R12DoesNotFireWithoutTraumaHistory()
    {
        var picture = PictureOf(findings: [Finding(patterns: StcCodes.Pattern.Nonspecific)]);

        Assert.Empty(Run(new R12TraumaHistory(), picture));
    }

    [Fact]
    public void R12DoesNotFireOnRefutedTrauma()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "S80.11XA", verification: "refuted")]);

        Assert.Empty(Run(new R12TraumaHistory(), picture));
    }

    [Fact]
    public void R12DoesNotFireForAMetastaticMechanismWithoutAPostTraumaticPattern()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1", patterns: StcCodes.Pattern.FineSpeckledDiffuse)],
            imaging: [CodedFinding("f1", mechanism: StcCodes.Mechanism.Metastatic)],
            conditions: [Condition("c1", Icd, "S80.11XA")]);

        Assert.Empty(Run(new R12TraumaHistory(), picture));
    }

    [Fact]
    public void R12SuggestsCtWhenMatrixIsIndeterminate()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1")],
            imaging: [CodedFinding("f1", matrix: StcCodes.Matrix.Indeterminate)],
            conditions: [Condition("c1", Icd, "S80.11XA")]);

        var order = Order(Assert.Single(Run(new R12TraumaHistory(), picture)));
        Assert.Equal(["30625-8"], Codes(order, FhirSystems.Loinc));
        Assert.Equal(["73700"], Codes(order, FhirSystems.Cpt));
        Assert.Equal("draft", order.Status);
        Assert.Equal("order", order.Intent);
        Assert.Equal("Patient/p1", order.Subject!.Reference);
        Assert.Equal("Observation/f1", Assert.Single(order.ReasonReference!).Reference);
    }

    [Fact]
    public void R12SuggestsFollowUpRadiographAfterRecentInjury()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "S80.11XA", onset: "2026-10-20")]);

        var order = Order(Assert.Single(Run(new R12TraumaHistory(), picture)));
        Assert.Equal(["25011-8"], Codes(order, FhirSystems.Loinc));
        Assert.Equal("2026-12-12", order.OccurrencePeriod!.Start!.Value);
        Assert.Equal("2027-01-02", order.OccurrencePeriod!.End!.Value);
    }

    // R13
    [Fact]
    public void R13FiresOnPlaquePeripheralFusiformPatternAndSuggestsSideSpecificMri()
    {
        var picture = PictureOf(findings: [Finding(side: Laterality.Left, patterns: StcCodes.Pattern.PlaquePeripheralFusiform)]);

        var card = Assert.Single(Run(new R13CalcificMyonecrosis(), picture));
        Assert.Contains("Ask about remote trauma", card.Detail, StringComparison.Ordinal);
        var order = Order(card);
        Assert.Equal(["36075-0"], Codes(order, FhirSystems.Loinc));
        Assert.Equal(["73720"], Codes(order, FhirSystems.Cpt));
    }

    [Fact]
    public void R13FiresOnCompartmentHistoryWithIntramuscularMass()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1", mass: Presence.Present)],
            imaging: [CodedFinding("f1", location: StcCodes.Location.Intramuscular)],
            conditions: [Condition("c1", Icd, "T79.A21S", clinical: "resolved")]);

        Assert.Single(Run(new R13CalcificMyonecrosis(), picture));
    }

    [Fact]
    public void R13DoesNotFireOnCompartmentHistoryWithoutAMass()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1", mass: Presence.Absent)],
            imaging: [CodedFinding("f1", location: StcCodes.Location.Intramuscular)],
            conditions: [Condition("c1", Icd, "T79.A21S")]);

        Assert.Empty(Run(new R13CalcificMyonecrosis(), picture));
    }

    [Fact]
    public void R13DoesNotSuggestMriWhenOneWasRecentlyDone()
    {
        var picture = PictureOf(
            findings: [Finding(side: Laterality.Right, patterns: StcCodes.Pattern.PlaquePeripheralFusiform)],
            requests: [Request("sr1", "36076-8", "2026-10-01")]);

        Assert.Empty(Assert.Single(Run(new R13CalcificMyonecrosis(), picture)).Suggestions);
    }

    // R14
    [Fact]
    public void R14FiresOnParaplegiaWithOssifiedMatrix()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1")],
            imaging: [CodedFinding("f1", matrix: StcCodes.Matrix.Ossification)],
            conditions: [Condition("c1", Icd, "G82.20")]);

        var card = Assert.Single(Run(new R14HeterotopicOssificationRisk(), picture));
        Assert.Empty(card.Suggestions);
    }

    [Fact]
    public void R14DoesNotFireWithoutHoRisk()
    {
        var picture = PictureOf(findings: [Finding(patterns: StcCodes.Pattern.PeripheralZonal)]);

        Assert.Empty(Run(new R14HeterotopicOssificationRisk(), picture));
    }

    [Fact]
    public void R14DoesNotFireForACalcifiedMatrixWithoutZonalPattern()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1")],
            imaging: [CodedFinding("f1", matrix: StcCodes.Matrix.Calcification)],
            conditions: [Condition("c1", Icd, "S06.9X0S")]);

        Assert.Empty(Run(new R14HeterotopicOssificationRisk(), picture));
    }

    // R15
    [Fact]
    public void R15FiresOnArterialCalcificationWithDiabetesAndSuggestsAbi()
    {
        var picture = PictureOf(findings: [Finding(patterns: StcCodes.Pattern.LinearArterial)], conditions: [Condition("c1", Icd, "E11.9")]);

        var card = Assert.Single(Run(new R15ArterialCalcification(), picture));
        Assert.Equal(["93922"], Codes(Order(card, 0), FhirSystems.Cpt));
        Assert.Equal(["93926"], Codes(Order(card, 1), FhirSystems.Cpt));
    }

    [Fact]
    public void R15FiresFromAgeAlone()
    {
        var picture = PictureOf(findings: [Finding(patterns: StcCodes.Pattern.LinearArterial)], age: 50);

        Assert.Single(Run(new R15ArterialCalcification(), picture));
    }

    [Fact]
    public void R15DoesNotFireForAYoungPatientWithoutRisk()
    {
        var picture = PictureOf(findings: [Finding(patterns: StcCodes.Pattern.LinearArterial)], age: 35);

        Assert.Empty(Run(new R15ArterialCalcification(), picture));
    }

    [Fact]
    public void R15DoesNotFireWhenPadIsKnown()
    {
        var picture = PictureOf(findings: [Finding(patterns: StcCodes.Pattern.LinearArterial)], conditions: [Condition("c1", Icd, "I73.9")], age: 70);

        Assert.Empty(Run(new R15ArterialCalcification(), picture));
    }

    [Fact]
    public void R15DoesNotFireAfterARecentAbi()
    {
        var picture = PictureOf(findings: [Finding(patterns: StcCodes.Pattern.LinearArterial)], requests: [Request("sr1", "72830-3", "2026-03-01")], age: 70);

        Assert.Empty(Run(new R15ArterialCalcification(), picture));
    }

    // R16
    [Fact]
    public void R16IsolatedPhlebolithsGiveReassuranceWithoutOrders()
    {
        var picture = PictureOf(findings: [Finding(mass: Presence.Absent, patterns: StcCodes.Pattern.Phlebolith)]);

        var card = Assert.Single(Run(new R16Phleboliths(), picture));
        Assert.Equal(R16Phleboliths.IsolatedSummary, card.Summary);
        Assert.Empty(card.Suggestions);
    }

    [Fact]
    public void R16PhlebolithsInAMassSuggestUltrasound()
    {
        var picture = PictureOf(findings: [Finding(side: Laterality.Right, mass: Presence.Present, patterns: StcCodes.Pattern.Phlebolith)]);

        var card = Assert.Single(Run(new R16Phleboliths(), picture));
        Assert.Equal(R16Phleboliths.InMassSummary, card.Summary);
        Assert.Equal(["38051-9"], Codes(Order(card), FhirSystems.Loinc));
    }

    [Fact]
    public void R16DoesNotFireWithoutVenousCalcification()
    {
        var picture = PictureOf(findings: [Finding(patterns: StcCodes.Pattern.Laminated)]);

        Assert.Empty(Run(new R16Phleboliths(), picture));
    }

    // R17
    [Fact]
    public void R17SuggestsDuplexWhenOnlyVenousSignsAreRecorded()
    {
        var picture = PictureOf(exams: [Exam("o1", ContextFindingCodes.Oedema, date: "2025-01-01", side: Laterality.Right)]);

        var card = Assert.Single(Run(new R17ChronicVenousInsufficiency(), picture));
        var order = Order(card);
        Assert.Equal(["39443-7"], Codes(order, FhirSystems.Loinc));
        Assert.Equal(["93971"], Codes(order, FhirSystems.Cpt));
    }

    [Fact]
    public void R17WithConfirmedCviHasNoSuggestion()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "I87.2")]);

        Assert.Empty(Assert.Single(Run(new R17ChronicVenousInsufficiency(), picture)).Suggestions);
    }

    [Fact]
    public void R17DoesNotFireForAThighLesion()
    {
        var picture = PictureOf(findings: [Finding(site: SnomedCodes.BodySite.Thigh)], conditions: [Condition("c1", Icd, "I87.2")]);

        Assert.Empty(Run(new R17ChronicVenousInsufficiency(), picture));
    }

    [Fact]
    public void R17DoesNotFireWhenUnprovenCviHadARecentDuplex()
    {
        var picture = PictureOf(
            exams: [Exam("o1", ContextFindingCodes.Oedema)],
            requests: [Request("sr1", "39443-7", "2025-06-01", side: Laterality.Right)]);

        Assert.Empty(Run(new R17ChronicVenousInsufficiency(), picture));
    }

    [Fact]
    public void R17UsesTheGenericCodeAndSaysSoWhenTheSideIsNotRecorded()
    {
        var picture = PictureOf(findings: [Finding(side: null)], conditions: [Condition("c1", Icd, "I87.2", verification: "provisional")]);

        var card = Assert.Single(Run(new R17ChronicVenousInsufficiency(), picture));
        Assert.Equal(["30881-7"], Codes(Order(card), FhirSystems.Loinc));
        Assert.Contains("Side not recorded", card.Detail, StringComparison.Ordinal);
    }

    // R18
    [Fact]
    public void R18FiresOnAcuteCalfPainAndSwellingWithUrgentDuplexOfThatSide()
    {
        var picture = PictureOf(exams:
        [
            Exam("o1", SymptomCodes.PainInLowerLimb, side: Laterality.Left),
            Exam("o2", ContextFindingCodes.Oedema, side: Laterality.Left),
        ]);

        var card = Assert.Single(Run(new R18DvtSuspected(), picture));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        var order = Order(card);
        Assert.Equal("urgent", order.Priority);
        Assert.Equal(["39432-0"], Codes(order, FhirSystems.Loinc));
    }

    [Fact]
    public void R18DoesNotFireWithAConfirmedActiveDvt()
    {
        var picture = PictureOf(
            conditions: [Condition("c1", Sct, "404223003", onset: "2026-11-10")],
            exams: [Exam("o1", SymptomCodes.PainInLowerLimb), Exam("o2", SymptomCodes.SwellingOfLowerLeg)]);

        Assert.Empty(Run(new R18DvtSuspected(), picture));
    }

    [Fact]
    public void R18DoesNotFireWhenADuplexWasDoneInTheLast72Hours()
    {
        var picture = PictureOf(
            conditions: [Condition("c1", Sct, "128053003", verification: "differential", onset: "2026-11-19")],
            requests: [Request("sr1", "30881-7", "2026-11-20")]);

        Assert.Empty(Run(new R18DvtSuspected(), picture));
    }

    [Fact]
    public void R18DoesNotFireOnARefutedDvt()
    {
        var picture = PictureOf(conditions: [Condition("c1", Sct, "128053003", verification: "refuted", onset: "2026-11-19")]);

        Assert.Empty(Run(new R18DvtSuspected(), picture));
    }

    // R19
    [Fact]
    public void R19FiresOnDermatomyositisWithoutOrders()
    {
        var picture = PictureOf(conditions: [Condition("c1", Icd, "M33.90")]);

        var card = Assert.Single(Run(new R19AutoimmuneCalcinosis(), picture));
        Assert.Empty(card.Suggestions);
        Assert.Contains("4537-7", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R19FiresOnMultifocalSubcutaneousCalcification()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1")],
            imaging: [CodedFinding("f1", location: StcCodes.Location.Subcutaneous, distribution: StcCodes.Distribution.Multifocal)]);

        Assert.Single(Run(new R19AutoimmuneCalcinosis(), picture));
    }

    [Fact]
    public void R19DoesNotFireOnSolitarySubcutaneousCalcificationWithoutContext()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1")],
            imaging: [CodedFinding("f1", location: StcCodes.Location.Subcutaneous, distribution: StcCodes.Distribution.Solitary)]);

        Assert.Empty(Run(new R19AutoimmuneCalcinosis(), picture));
    }

    // R20
    [Fact]
    public void R20FiresOnRiceGrainWithoutOrders()
    {
        var card = Assert.Single(Run(new R20ParasiticCalcification(), PictureOf(findings: [Finding(patterns: StcCodes.Pattern.RiceGrain)])));

        Assert.Empty(card.Suggestions);
        Assert.Contains("cysticercosis", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R20DoesNotFireOnOtherPatterns()
    {
        Assert.Empty(Run(new R20ParasiticCalcification(), PictureOf(findings: [Finding(patterns: StcCodes.Pattern.Stippled)])));
    }

    // R21
    [Fact]
    public void R21FiresOnIntratendinousLocation()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1")],
            imaging: [CodedFinding("f1", location: StcCodes.Location.Intratendinous)]);

        Assert.Contains("calcific tendinitis", Assert.Single(Run(new R21JointTendonCalcification(), picture)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R21FiresOnGlobularPeriarticularPatternAndPointsToTheLabs()
    {
        var card = Assert.Single(Run(new R21JointTendonCalcification(), PictureOf(findings: [Finding(patterns: StcCodes.Pattern.GlobularPeriarticular)])));

        Assert.Contains("R09", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R21DoesNotFireOnIntramuscularCalcification()
    {
        var picture = PictureOf(
            findings: [Finding(reference: "Observation/f1")],
            imaging: [CodedFinding("f1", location: StcCodes.Location.Intramuscular)]);

        Assert.Empty(Run(new R21JointTendonCalcification(), picture));
    }

    // R24
    [Fact]
    public void R24FiresOnInjectionPattern()
    {
        Assert.Single(Run(new R24IatrogenicCalcification(), PictureOf(findings: [Finding(patterns: StcCodes.Pattern.FocalDenseInjection)])));
    }

    [Fact]
    public void R24FiresOnCalciumGluconateExtravasation()
    {
        var medication = new MedicationRequest
        {
            Id = "m1",
            Status = "completed",
            MedicationCodeableConcept = new CodeableConcept { Text = "Calcium gluconate 10% IV" },
            Note = [new Annotation { Text = "Extravasation at the right ankle IV site" }],
        };

        var card = Assert.Single(Run(new R24IatrogenicCalcification(), PictureOf(medications: [medication])));
        Assert.Contains("MedicationRequest/m1", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R24DoesNotFireWithoutInjectionContext()
    {
        Assert.Empty(Run(new R24IatrogenicCalcification(), PictureOf(findings: [Finding(patterns: StcCodes.Pattern.Nonspecific)])));
    }

    // Common behaviour
    [Fact]
    public void PreliminaryFindingMarksTheCardAsPreliminary()
    {
        var card = Assert.Single(Run(new R20ParasiticCalcification(), PictureOf(findings: [Finding(preliminary: true, patterns: StcCodes.Pattern.Crescentic)])));

        Assert.True(card.FromPreliminaryData);
    }

    [Fact]
    public void TextDerivedPatternAsksForVerification()
    {
        var card = Assert.Single(Run(new R20ParasiticCalcification(), PictureOf(findings: [Finding(origin: FactOrigin.ReportText, patterns: StcCodes.Pattern.RiceGrain)])));

        Assert.Contains("verify them with radiology", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NoIndexFindingGivesNoContextCards()
    {
        var picture = PictureOf(findings: [], conditions: [Condition("c1", Icd, "M33.90"), Condition("c2", Sct, "128053003", verification: "provisional", onset: "2026-11-19")]);
        IRule[] rules = [new R12TraumaHistory(), new R13CalcificMyonecrosis(), new R14HeterotopicOssificationRisk(), new R15ArterialCalcification(), new R16Phleboliths(), new R17ChronicVenousInsufficiency(), new R18DvtSuspected(), new R19AutoimmuneCalcinosis(), new R20ParasiticCalcification(), new R21JointTendonCalcification(), new R24IatrogenicCalcification()];

        Assert.All(rules, r => Assert.Empty(Run(r, picture)));
    }
}
