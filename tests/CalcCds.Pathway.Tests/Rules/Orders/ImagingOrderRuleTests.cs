using System.Text.Json.Nodes;
using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Rules.Orders;
using CalcCds.Pathway.Terminology;
using CalcCds.Pathway.Tests.Support;
using static CalcCds.Pathway.Tests.Lesion.LesionPictures;
using static CalcCds.Pathway.Tests.Rules.Orders.OrderPictures;

namespace CalcCds.Pathway.Tests.Rules.Orders;

/// <summary>O05, O06 (order-select) and O08 (both order hooks).</summary>
public sealed class ImagingOrderRuleTests
{
    private static List<RuleCard> Run(IRule rule, PatientPicture picture) => rule.Evaluate(picture).ToList();

    /// <summary>Stippled 1.5 cm superficial calcification without a mass: the R06 "ultrasound first" lesion.</summary>
    private static IndexFinding UltrasoundFirst() => Benign(StcCodes.Pattern.Stippled) with { SizeCm = Coded(1.5m) };

    /// <summary>A radiograph finding 20 days old whose matrix could not be called.</summary>
    private static IndexFinding IndeterminateMatrix() => Benign(StcCodes.Pattern.Nonspecific) with { Matrix = Coded(StcCodes.Matrix.Indeterminate) };

    [Fact]
    public void O05SuggestsUltrasoundInsteadOfAFirstMri()
    {
        var card = Assert.Single(Run(new O05MriBeforeUltrasound(), Build(UltrasoundFirst()).Selecting(Cpt("mri", "73720"))));
        Assert.Equal(CardIndicator.Info, card.Indicator);
        Assert.Equal(SelectionBehavior.AtMostOne, card.SelectionBehavior);
        Assert.Contains(card.Suggestions[0].Actions!, a => a.Type == ActionType.Delete && a.ResourceId == "ServiceRequest/mri");
        Assert.DoesNotContain(card.Suggestions[1].Actions!, a => a.Type == ActionType.Delete);
    }

    [Fact]
    public void O05IsQuietAfterARecentUltrasound()
    {
        var picture = Build(UltrasoundFirst(), imagingStudies: [Study("us1", LesionOrderCodes.Modality.Ultrasound, "2026-10-20")]);
        Assert.Empty(Run(new O05MriBeforeUltrasound(), picture.Selecting(Cpt("mri", "73720"))));
    }

    [Fact]
    public void O05IsSuppressedForADeepLesion() =>
        Assert.Empty(Run(new O05MriBeforeUltrasound(), Build(UltrasoundFirst() with { Depth = Coded(DepthValue.Deep) }).Selecting(Cpt("mri", "73720"))));

    [Fact]
    public void O05IsSuppressedWhenAMassIsSuspected() =>
        Assert.Empty(Run(new O05MriBeforeUltrasound(), Build(UltrasoundFirst() with { AssociatedMass = Coded(Presence.Present) }).Selecting(Cpt("mri", "73720"))));

    [Fact]
    public void O05IsQuietForASarcomaCentreRequester()
    {
        var options = new PathwayOptions();
        options.Lesion.SarcomaCentreRoles.Add("PractitionerRole/sarcoma-surgeon");
        var draft = Cpt("mri", "73720") with { Requester = new ResourceReference { Reference = "PractitionerRole/sarcoma-surgeon" } };
        Assert.Empty(Run(new O05MriBeforeUltrasound(), Build(UltrasoundFirst(), options: options).Selecting(draft)));
    }

    [Fact]
    public void O06SuggestsCtInsteadOfARepeatRadiograph()
    {
        var card = Assert.Single(Run(new O06RepeatRadiograph(), Build(IndeterminateMatrix()).Selecting(Cpt("xr", "73590"))));
        Assert.Equal(CardIndicator.Info, card.Indicator);
        var actions = Assert.Single(card.Suggestions).Actions!;
        var ct = Assert.IsType<ServiceRequest>(actions[0].Resource);
        Assert.Contains(ct.Code!.Coding!, c => c.Code == LesionOrderCodes.Ct.CptWithout);
        Assert.Equal("ServiceRequest/xr", actions[1].ResourceId);
    }

    [Fact]
    public void O06ExemptsARadiographInDifferentProjections()
    {
        var draft = Cpt("xr", "73590") with { OrderDetail = [new CodeableConcept { Text = "Add oblique projections" }] };
        Assert.Empty(Run(new O06RepeatRadiograph(), Build(IndeterminateMatrix()).Selecting(draft)));
    }

    [Fact]
    public void O06ExemptsAPlannedIntervalFollowUp()
    {
        var draft = Cpt("xr", "73590") with { OccurrenceDateTime = FhirDateTime.Parse("2027-03-01") };
        Assert.Empty(Run(new O06RepeatRadiograph(), Build(IndeterminateMatrix()).Selecting(draft)));
    }

    [Fact]
    public void O06ExemptsANewInjurySinceTheIndex()
    {
        var fracture = ActiveCondition("c1", FhirSystems.Icd10Cm, "S82.201A") with { RecordedDate = FhirDateTime.Parse("2026-11-15") };
        Assert.Empty(Run(new O06RepeatRadiograph(), Build(IndeterminateMatrix(), conditions: [fracture]).Selecting(Cpt("xr", "73590"))));
    }

    [Fact]
    public void O06IsQuietWhenTheIndexRadiographIsOlderThanThirtyDays()
    {
        var old = IndeterminateMatrix() with { Date = "2026-09-01", When = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero) };
        Assert.Empty(Run(new O06RepeatRadiograph(), Build(old).Selecting(Cpt("xr", "73590"))));
    }

    [Fact]
    public void O06IsQuietWhenNothingNeedsCharacterising() =>
        Assert.Empty(Run(new O06RepeatRadiograph(), Build(Benign(StcCodes.Pattern.Laminated)).Selecting(Cpt("xr", "73590"))));

    [Fact]
    public void O08WarnsWhenALeftSidedOrderTargetsARightLesion()
    {
        var card = Assert.Single(Run(new O08LateralityMismatch(), Build(UltrasoundFirst()).Selecting(Draft("us", FhirSystems.Loinc, LesionOrderCodes.Ultrasound.Left))));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.Equal(O08LateralityMismatch.Summary, card.Summary);
    }

    [Fact]
    public void O08WarnsOnOrderSignForABodySiteOnTheOtherSide() =>
        Assert.Single(Run(new O08LateralityMismatch(), Build(DeepLargeMass()).Signing(Draft("bx", FhirSystems.Cpt, "20206", SnomedCodes.Laterality.Left, SnomedCodes.BodySite.Calf))));

    [Fact]
    public void O08IsQuietWhenTheSidesAgree() =>
        Assert.Empty(Run(new O08LateralityMismatch(), Build(UltrasoundFirst()).Selecting(Draft("us", FhirSystems.Loinc, LesionOrderCodes.Ultrasound.Right))));

    [Fact]
    public void O08IsQuietWhenTheOrderSideIsNotRecorded() =>
        Assert.Empty(Run(new O08LateralityMismatch(), Build(UltrasoundFirst()).Selecting(Cpt("us", "76882"))));

    [Fact]
    public void O08IsQuietForABilateralLesion() =>
        Assert.Empty(Run(new O08LateralityMismatch(), Build(UltrasoundFirst() with { Laterality = Coded(Laterality.Bilateral) }).Selecting(Draft("us", FhirSystems.Loinc, LesionOrderCodes.Ultrasound.Left))));

    [Fact]
    public void AnEnteredInErrorFindingFiresNoOrderRule()
    {
        var finding = Resources.Finding(status: "entered-in-error", components:
        [
            Resources.Component("lesion-max-dimension", new JsonObject { ["value"] = 6.2, ["unit"] = "cm", ["system"] = "http://unitsofmeasure.org", ["code"] = "cm" }, "valueQuantity"),
            Resources.Component("depth", Resources.Concept("http://calccds.org/fhir/CodeSystem/stc-depth", "deep")),
        ]);
        var picture = Pictures.Build(finding).Signing(Cpt("bx", "20206"), Cpt("fna", "10005"), Draft("us", FhirSystems.Loinc, LesionOrderCodes.Ultrasound.Left));
        IRule[] rules = [new O01BiopsyWithoutReferral(), new O02ExcisionalBiopsy(), new O03ThinNeedleOrFna(), new O04FrozenSection(), new O08LateralityMismatch()];
        Assert.Empty(rules.SelectMany(r => r.Evaluate(picture)));
    }
}
