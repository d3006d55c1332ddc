using CalcCds.Fhir.Model;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Options;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Rules.Orders;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Lesion.LesionPictures;
using static CalcCds.Pathway.Tests.Rules.Orders.OrderPictures;

namespace CalcCds.Pathway.Tests.Rules.Orders;

/// <summary>O01–O04: the order-sign checks on biopsies, excisions, FNA and frozen section.</summary>
public sealed class BiopsyRuleTests
{
    private static List<RuleCard> Run(IRule rule, PatientPicture picture) => rule.Evaluate(picture).ToList();

    /// <summary>A deep mass of unknown size: O01's "mass present and size or depth unknown".</summary>
    private static IndexFinding MassOfUnknownSize() => Finding() with
    {
        Patterns = [Coded(StcCodes.Pattern.Laminated)],
        AssociatedMass = Coded(Presence.Present),
        BoneInvolvement = Coded(StcCodes.Bone.None),
        Depth = Coded(DepthValue.Superficial),
    };

    /// <summary>Stippled, superficial, 4 cm extent, no mass: concerning, but none of O01's criteria.</summary>
    private static IndexFinding ConcerningSuperficial(decimal size) => Benign(StcCodes.Pattern.Stippled) with { SizeCm = Coded(size) };

    [Fact]
    public void O01IsCriticalForABiopsyOfADeepLargeMass()
    {
        var card = Assert.Single(Run(new O01BiopsyWithoutReferral(), Build(DeepLargeMass()).Signing(Cpt("bx", "20206"))));
        Assert.Equal(CardIndicator.Critical, card.Indicator);
        Assert.Equal(O01BiopsyWithoutReferral.CriticalSummary, card.Summary);
        Assert.True(card.Protected);
    }

    [Fact]
    public void O01OffersReferInsteadWithADeleteOfTheDraftAndReferOnly()
    {
        var card = Assert.Single(Run(new O01BiopsyWithoutReferral(), Build(DeepLargeMass()).Signing(Cpt("bx", "20206"))));
        Assert.Equal(SelectionBehavior.AtMostOne, card.SelectionBehavior);
        Assert.Equal(2, card.Suggestions.Count);
        var delete = Assert.Single(card.Suggestions[0].Actions!, a => a.Type == ActionType.Delete);
        Assert.Equal("ServiceRequest/bx", delete.ResourceId);
        var referral = Assert.IsType<ServiceRequest>(Assert.Single(card.Suggestions[1].Actions!).Resource);
        Assert.Contains(referral.Code!.Coding!, c => c.System == StcCodes.Systems.Order && c.Code == StcCodes.Order.SarcomaMdtReferral);
    }

    [Fact]
    public void O01CarriesTheSpecOverrideReasons() =>
        Assert.Contains(
            Assert.Single(Run(new O01BiopsyWithoutReferral(), Build(DeepLargeMass()).Signing(Cpt("bx", "27614")))).OverrideReasons,
            r => r.Code == StcOverride.PerformingTeamIsSarcomaCenter);

    [Fact]
    public void O01IsWarningForAMassWithUnknownSize()
    {
        var card = Assert.Single(Run(new O01BiopsyWithoutReferral(), Build(MassOfUnknownSize()).Signing(Cpt("bx", "20206"))));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.Equal(O01BiopsyWithoutReferral.WarningSummary, card.Summary);
    }

    [Fact]
    public void O01DoesNotFireForABenignLesion() =>
        Assert.Empty(Run(new O01BiopsyWithoutReferral(), Build(Benign(StcCodes.Pattern.Laminated)).Signing(Cpt("bx", "20206"))));

    [Fact]
    public void O01DoesNotFireForANonBiopsyOrder() =>
        Assert.Empty(Run(new O01BiopsyWithoutReferral(), Build(DeepLargeMass()).Signing(Cpt("mri", "73720"))));

    [Fact]
    public void O01DoesNotFireWhenThePerformerIsAConfiguredSarcomaCentre()
    {
        var options = new PathwayOptions();
        options.Lesion.SarcomaCentres.Add(new SarcomaCentre { Reference = "Organization/sarcoma-centre" });
        var draft = Cpt("bx", "20206") with { Performer = [new ResourceReference { Reference = "Organization/sarcoma-centre" }] };
        Assert.Empty(Run(new O01BiopsyWithoutReferral(), Build(DeepLargeMass(), options: options).Signing(draft)));
    }

    [Fact]
    public void O01DoesNotFireInKnownSarcomaCare()
    {
        var sarcoma = ActiveCondition("c1", FhirSystems.Icd10Cm, "C49.21");
        Assert.Empty(Run(new O01BiopsyWithoutReferral(), Build(DeepLargeMass(), conditions: [sarcoma]).Signing(Cpt("bx", "20206"))));
    }

    [Fact]
    public void O01DowngradesToWarningWhenTheReferralStatusCannotBeChecked()
    {
        var picture = Build(DeepLargeMass()).Signing(Cpt("bx", "20206")) with { Prefetch = PrefetchSet.Empty };
        var card = Assert.Single(Run(new O01BiopsyWithoutReferral(), picture));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.Contains("Could not verify referral status", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void O01OnAPreliminaryFindingIsMarkedPreliminary() =>
        Assert.True(Assert.Single(Run(new O01BiopsyWithoutReferral(), Build(DeepLargeMass() with { IsPreliminary = true }).Signing(Cpt("bx", "20206")))).FromPreliminaryData);

    [Fact]
    public void O01DoesNotFireWithoutAnIndexLesion() =>
        Assert.Empty(Run(new O01BiopsyWithoutReferral(), (Build(DeepLargeMass()) with { IndexFindings = [] }).Signing(Cpt("bx", "20206"))));

    [Fact]
    public void O02WarnsOnAnExcisionOfAConcerningLesionOfThreeCentimetresOrMore()
    {
        var card = Assert.Single(Run(new O02ExcisionalBiopsy(), Build(ConcerningSuperficial(4.0m)).Signing(Cpt("ex", "27618"))));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.Equal(O02ExcisionalBiopsy.Summary, card.Summary);
    }

    [Fact]
    public void O02AllowsAnExcisionOfASuperficialLesionUnderThreeCentimetres() =>
        Assert.Empty(Run(new O02ExcisionalBiopsy(), Build(ConcerningSuperficial(2.5m)).Signing(Cpt("ex", "27618"))));

    [Fact]
    public void O02GivesWayToO01WhenRedFlagsAreConfirmed()
    {
        var picture = Build(DeepLargeMass()).Signing(Cpt("ex", "27619"));
        Assert.Empty(Run(new O02ExcisionalBiopsy(), picture));
        Assert.Single(Run(new O01BiopsyWithoutReferral(), picture));
    }

    [Fact]
    public void O03WarnsOnAnFnaOfASuspectedSarcoma() =>
        Assert.Equal(CardIndicator.Warning, Assert.Single(Run(new O03ThinNeedleOrFna(), Build(DeepLargeMass()).Signing(Cpt("fna", "10005")))).Indicator);

    [Fact]
    public void O03WarnsOnAnEighteenGaugeCoreNeedle()
    {
        var draft = Cpt("bx", "20206") with { OrderDetail = [Detail(StcCodes.Systems.Order, StcCodes.Order.NeedleGauge, "18 G")] };
        var card = Assert.Single(Run(new O03ThinNeedleOrFna(), Build(DeepLargeMass()).Signing(draft)));
        Assert.Contains("18 G", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void O03AcceptsAFourteenGaugeCoreNeedle()
    {
        var draft = Cpt("bx", "20206") with { OrderDetail = [Detail(StcCodes.Systems.Order, StcCodes.Order.NeedleGauge, "14")] };
        Assert.Empty(Run(new O03ThinNeedleOrFna(), Build(DeepLargeMass()).Signing(draft)));
    }

    [Fact]
    public void O03DoesNotFireForAnFnaOfABenignLesion() =>
        Assert.Empty(Run(new O03ThinNeedleOrFna(), Build(Benign(StcCodes.Pattern.Laminated)).Signing(Cpt("fna", "10005"))));

    [Fact]
    public void O04SuggestsDeletingAFrozenSectionLinkedToARedFlagBiopsy()
    {
        var frozen = Cpt("fs", "88331") with { BasedOn = [new ResourceReference { Reference = "ServiceRequest/bx" }] };
        var card = Assert.Single(Run(new O04FrozenSection(), Build(DeepLargeMass()).Signing(Cpt("bx", "20206"), frozen)));
        Assert.Equal("ServiceRequest/fs", Assert.Single(Assert.Single(card.Suggestions).Actions!).ResourceId);
    }

    [Fact]
    public void O04DoesNotFireForAFrozenSectionWithoutABiopsy() =>
        Assert.Empty(Run(new O04FrozenSection(), Build(DeepLargeMass()).Signing(Cpt("fs", "88331"))));
}
