using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Options;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Rules.DataQuality;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Lesion.LesionPictures;

namespace CalcCds.Pathway.Tests.Lesion;

public sealed class LesionRuleTests
{
    private static List<RuleCard> Run(IRule rule, PatientPicture picture) => rule.Evaluate(picture).ToList();

    private static readonly Fact<SymptomRecord>[] NoPain = [Symptom(SymptomCodes.Pain, false)];

    private static ServiceRequest Referral(string status = "active") => new()
    {
        Id = "ref1",
        Status = status,
        Intent = "order",
        Code = new CodeableConcept { Coding = [new Coding { System = StcCodes.Systems.Order, Code = StcCodes.Order.SarcomaMdtReferral }] },
        AuthoredOn = FhirDateTime.Parse("2026-10-01"),
    };

    [Fact]
    public void R01IsCriticalForTheWorkedExample()
    {
        var card = Assert.Single(Run(new R01SarcomaRedFlags(), Build(DeepLargeMass())));
        Assert.Equal(CardIndicator.Critical, card.Indicator);
        Assert.True(card.Protected);
        Assert.Equal(R01SarcomaRedFlags.CriticalSummary, card.Summary);
    }

    [Fact]
    public void R01IsWarningForOneFlag()
    {
        var finding = Benign(StcCodes.Pattern.Nonspecific) with { Depth = Coded(DepthValue.Deep) };
        var card = Assert.Single(Run(new R01SarcomaRedFlags(), Build(finding)));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
    }

    [Fact]
    public void R01DoesNotFireWithoutRedFlags()
    {
        Assert.Empty(Run(new R01SarcomaRedFlags(), Build(Benign(StcCodes.Pattern.Laminated), SymptomStatus.Asymptomatic, NoPain)));
    }

    [Fact]
    public void R01DoesNotFireOnPreliminaryData()
    {
        Assert.Empty(Run(new R01SarcomaRedFlags(), Build(DeepLargeMass() with { IsPreliminary = true })));
    }

    [Fact]
    public void R01IsReplacedByKnownSarcomaCare()
    {
        var picture = Build(DeepLargeMass(), serviceRequests: [Referral()]);
        Assert.Empty(Run(new R01SarcomaRedFlags(), picture));
        Assert.Single(Run(new R23KnownTumourAtSite(), picture));
    }

    [Fact]
    public void R01ReferralFollowsTheWorkedExample()
    {
        var options = new PathwayOptions();
        options.Lesion.SarcomaCentres.Add(new SarcomaCentre { Reference = "Organization/sarcoma-center", Display = "Regional sarcoma centre" });
        var card = Assert.Single(Run(new R01SarcomaRedFlags(), Build(DeepLargeMass(), options: options)));
        var request = Assert.IsType<ServiceRequest>(Assert.Single(Assert.Single(card.Suggestions).Actions!).Resource);
        Assert.Equal(("draft", "order", "urgent"), (request.Status, request.Intent, request.Priority));
        Assert.Equal("3457005", request.Category![0].Coding![0].Code);
        Assert.Equal(["183545006", StcCodes.Order.SarcomaMdtReferral], request.Code!.Coding!.Select(c => c.Code));
        Assert.Equal("Organization/sarcoma-center", request.Performer![0].Reference);
        Assert.Equal("Observation/f1", request.ReasonReference![0].Reference);
        Assert.Equal("Patient/p1", request.Subject!.Reference);
    }

    [Fact]
    public void R01DetailPutsMriAsDirectedByTheCentre()
    {
        var card = Assert.Single(Run(new R01SarcomaRedFlags(), Build(DeepLargeMass())));
        Assert.Contains("as directed by the sarcoma centre", card.Detail, StringComparison.Ordinal);
        Assert.Single(card.Suggestions);
    }

    [Fact]
    public void R02FiresForBoneDestructionAndSuppressesR01()
    {
        var picture = Build(DeepLargeMass() with { BoneInvolvement = Coded(StcCodes.Bone.Destruction) });
        var card = Assert.Single(Run(new R02AggressiveFeatures(), picture));
        Assert.Equal(CardIndicator.Critical, card.Indicator);
        Assert.True(card.Protected);
        Assert.Empty(Run(new R01SarcomaRedFlags(), picture));
    }

    [Fact]
    public void R02FiresForOsteoidMatrixWithoutMass()
    {
        var finding = Benign(StcCodes.Pattern.AmorphousFluffyConfluent);
        Assert.Single(Run(new R02AggressiveFeatures(), Build(finding)));
    }

    [Fact]
    public void R02DoesNotFireWithoutAggressiveFeatures()
    {
        Assert.Empty(Run(new R02AggressiveFeatures(), Build(DeepLargeMass())));
    }

    [Fact]
    public void R03FiresForLaminatedAsymptomatic()
    {
        var card = Assert.Single(Run(new R03ClassicBenign(), Build(Benign(StcCodes.Pattern.Laminated), SymptomStatus.Asymptomatic, NoPain)));
        Assert.Equal(CardIndicator.Info, card.Indicator);
    }

    [Fact]
    public void R03DoesNotFireWhenSymptomsUnknown()
    {
        Assert.Empty(Run(new R03ClassicBenign(), Build(Benign(StcCodes.Pattern.Laminated))));
    }

    [Fact]
    public void R03DoesNotFireWithARedFlag()
    {
        var finding = Benign(StcCodes.Pattern.Laminated) with { SizeCm = Coded(6m), SizeBasis = Coded(StcCodes.SizeBasis.Mass) };
        Assert.Empty(Run(new R03ClassicBenign(), Build(finding, SymptomStatus.Asymptomatic, NoPain)));
    }

    [Fact]
    public void R04FiresForSmallDystrophicAsymptomatic()
    {
        var finding = Benign(StcCodes.Pattern.AmorphousDystrophic) with { Mechanism = Coded(StcCodes.Mechanism.Dystrophic) };
        var card = Assert.Single(Run(new R04SmallBenignObserve(), Build(finding, SymptomStatus.Asymptomatic, NoPain)));
        var request = Assert.IsType<ServiceRequest>(card.Suggestions[0].Actions![0].Resource);
        Assert.Equal("2027-02-21", request.OccurrencePeriod!.Start!.Value);
    }

    [Fact]
    public void R04DoesNotFireAtOrAboveTheSmallSize()
    {
        var finding = Benign(StcCodes.Pattern.AmorphousDystrophic) with { Mechanism = Coded(StcCodes.Mechanism.Dystrophic), SizeCm = Coded(2.0m) };
        Assert.Empty(Run(new R04SmallBenignObserve(), Build(finding, SymptomStatus.Asymptomatic, NoPain)));
    }

    [Fact]
    public void R05FiresForSymptomaticClassicBenign()
    {
        Assert.Single(Run(new R05SymptomaticBenign(), Build(Benign(StcCodes.Pattern.Laminated), SymptomStatus.Symptomatic, [Symptom(SymptomCodes.Tenderness, true)])));
    }

    [Fact]
    public void R05DoesNotFireForArterialPattern()
    {
        Assert.Empty(Run(new R05SymptomaticBenign(), Build(Benign(StcCodes.Pattern.LinearArterial), SymptomStatus.Symptomatic, [Symptom(SymptomCodes.Tenderness, true)])));
    }

    [Fact]
    public void R06FiresForStippledWithoutRedFlags()
    {
        var card = Assert.Single(Run(new R06UltrasoundFirst(), Build(Benign(StcCodes.Pattern.Stippled))));
        var request = Assert.IsType<ServiceRequest>(card.Suggestions[0].Actions![0].Resource);
        Assert.Equal(LesionOrderCodes.Ultrasound.Right, request.Code!.Coding![0].Code);
        Assert.Equal("routine", request.Priority);
    }

    [Fact]
    public void R06DoesNotFireAfterARecentUltrasound()
    {
        Assert.Empty(Run(new R06UltrasoundFirst(), Build(Benign(StcCodes.Pattern.Stippled), imagingStudies: [Study("us1", "US", "2026-11-05")])));
    }

    [Fact]
    public void R06DoesNotFireForAClassicBenignPattern()
    {
        Assert.Empty(Run(new R06UltrasoundFirst(), Build(Benign(StcCodes.Pattern.Laminated))));
    }

    [Fact]
    public void R06bFiresForAnIncreasingLump()
    {
        var picture = Build(Benign(StcCodes.Pattern.Nonspecific) with { Change = Coded(SnomedCodes.Change.Increased) });
        var card = Assert.Single(Run(new R06bIncreasingLump(), picture));
        Assert.Equal("urgent", Assert.IsType<ServiceRequest>(card.Suggestions[0].Actions![0].Resource).Priority);
        Assert.Empty(Run(new R06UltrasoundFirst(), picture));
    }

    [Fact]
    public void R06bDoesNotFireWithAnotherRedFlag()
    {
        var finding = Benign(StcCodes.Pattern.Nonspecific) with { Change = Coded(SnomedCodes.Change.Increased), Depth = Coded(DepthValue.Deep) };
        Assert.Empty(Run(new R06bIncreasingLump(), Build(finding)));
    }

    [Fact]
    public void R07FiresForIndeterminateMatrix()
    {
        var finding = Benign(StcCodes.Pattern.Laminated) with { Matrix = Coded(StcCodes.Matrix.Indeterminate) };
        var card = Assert.Single(Run(new R07CtForMineralization(), Build(finding)));
        Assert.Equal(CardIndicator.Info, card.Indicator);
    }

    [Fact]
    public void R07DoesNotFireWhenR01Fires()
    {
        var finding = DeepLargeMass() with { Matrix = Coded(StcCodes.Matrix.Indeterminate) };
        Assert.Empty(Run(new R07CtForMineralization(), Build(finding)));
    }

    [Fact]
    public void R07DoesNotFireAfterARecentCt()
    {
        var finding = Benign(StcCodes.Pattern.Laminated) with { Matrix = Coded(StcCodes.Matrix.Indeterminate) };
        Assert.Empty(Run(new R07CtForMineralization(), Build(finding, imagingStudies: [Study("ct1", "CT", "2026-11-05")])));
    }

    [Fact]
    public void R08FiresForASmallSuperficialMass()
    {
        var finding = Benign(StcCodes.Pattern.Laminated) with { AssociatedMass = Coded(Presence.Present), SizeBasis = Coded(StcCodes.SizeBasis.Mass) };
        var picture = Build(finding);
        Assert.Single(Run(new R08MriForMass(), picture));
        Assert.Empty(Run(new R06UltrasoundFirst(), picture));
    }

    [Fact]
    public void R08DoesNotFireWithRedFlags()
    {
        Assert.Empty(Run(new R08MriForMass(), Build(DeepLargeMass())));
    }

    [Fact]
    public void R22FiresForAMassWithALipomaOnFile()
    {
        var finding = Benign(StcCodes.Pattern.Laminated) with { AssociatedMass = Coded(Presence.Present), SizeBasis = Coded(StcCodes.SizeBasis.Mass) };
        var picture = Build(finding, conditions: [ActiveCondition("lip", FhirSystems.Icd10Cm, "D17.23")]);
        Assert.Single(Run(new R22LipomatousMass(), picture));
        Assert.Empty(Run(new R08MriForMass(), picture));
    }

    [Fact]
    public void R22DoesNotFireWithoutAMass()
    {
        var picture = Build(Benign(StcCodes.Pattern.Laminated), conditions: [ActiveCondition("lip", FhirSystems.Icd10Cm, "D17.23")]);
        Assert.Empty(Run(new R22LipomatousMass(), picture));
    }

    [Fact]
    public void R23FiresForAnActiveLowerLimbSarcoma()
    {
        var picture = Build(DeepLargeMass(), conditions: [ActiveCondition("sar", FhirSystems.Icd10Cm, "C49.21")]);
        Assert.Single(Run(new R23KnownTumourAtSite(), picture));
        Assert.Empty(Run(new R01SarcomaRedFlags(), picture));
    }

    [Fact]
    public void R23DoesNotFireWithoutSarcomaCare()
    {
        Assert.Empty(Run(new R23KnownTumourAtSite(), Build(DeepLargeMass(), serviceRequests: [Referral("revoked")])));
    }

    [Fact]
    public void SarcomaCentreRoleCountsAsKnownCare()
    {
        var options = new PathwayOptions();
        options.Lesion.SarcomaCentreRoles.Add("PractitionerRole/onc");
        Assert.True(Build(DeepLargeMass(), options: options, userId: "PractitionerRole/onc").KnownSarcomaCare.Known);
    }

    [Fact]
    public void Dq2FiresWhenReportsDisagreeOnDepth()
    {
        var picture = Build(Finding("Observation/xr"), imagingStudies: [Study("mr1", "MR", "2026-11-10")], imagingObservations:
            [GrowthAndMergeTests.CodedObservation("xr", "2026-11-01", 4.0m, SnomedCodes.Depth.Deep), GrowthAndMergeTests.CodedObservation("mr", "2026-10-20", 4.0m, SnomedCodes.Depth.Superficial, "ImagingStudy/mr1")]);
        var card = Assert.Single(Run(new Dq2ReportsDisagree(), picture));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
    }

    [Fact]
    public void Dq2DoesNotFireForAgreeingReports()
    {
        var picture = Build(Finding("Observation/xr"), imagingObservations:
            [GrowthAndMergeTests.CodedObservation("xr", "2026-11-01", 4.0m, SnomedCodes.Depth.Deep), GrowthAndMergeTests.CodedObservation("mr", "2026-10-20", 4.2m, SnomedCodes.Depth.Deep)]);
        Assert.Empty(Run(new Dq2ReportsDisagree(), picture));
    }
}
