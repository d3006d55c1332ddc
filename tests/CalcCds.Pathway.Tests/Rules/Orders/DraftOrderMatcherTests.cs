using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Orders;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Lesion.LesionPictures;
using static CalcCds.Pathway.Tests.Rules.Orders.OrderPictures;

namespace CalcCds.Pathway.Tests.Rules.Orders;

public sealed class DraftOrderMatcherTests
{
    [Theory]
    [InlineData("10007", DraftOrderKind.Fna | DraftOrderKind.Biopsy)]
    [InlineData("27619", DraftOrderKind.Excision | DraftOrderKind.Biopsy)]
    [InlineData("20206", DraftOrderKind.Biopsy)]
    [InlineData("88332", DraftOrderKind.FrozenSection)]
    [InlineData("73720", DraftOrderKind.Mri)]
    [InlineData("73592", DraftOrderKind.Radiograph)]
    [InlineData("73721", DraftOrderKind.None)]
    public void CptCodesAreClassifiedByTheOrderCatalogue(string cpt, DraftOrderKind expected) =>
        Assert.Equal(expected, DraftOrderMatcher.Classify(Cpt("d1", cpt)));

    [Fact]
    public void AnImageGuidedFnaLoincIsAnFnaAndABiopsy() =>
        Assert.Equal(DraftOrderKind.Fna | DraftOrderKind.Biopsy, DraftOrderMatcher.Classify(Draft("d1", FhirSystems.Loinc, "38135-0")));

    [Fact]
    public void ALocalOrderableNamedFrozenSectionIsAFrozenSection()
    {
        var local = Draft("d1", "urn:local:orderables", "FS-1") with
        {
            Code = new Fhir.Model.CodeableConcept { Coding = [new Fhir.Model.Coding { System = "urn:local:orderables", Code = "FS-1" }], Text = "Frozen section, intra-operative" },
        };
        Assert.Equal(DraftOrderKind.FrozenSection, DraftOrderMatcher.Classify(local));
    }

    [Fact]
    public void ReasonReferenceNamesTheTargetLesion()
    {
        var left = Finding("Observation/left") with { Laterality = Coded(Laterality.Left, "Observation/left") };
        var picture = Build(Finding()) with { IndexFindings = [Finding(), left] };
        var draft = Assert.Single(picture.Signing(Draft("d1", FhirSystems.Cpt, "20206", reason: "Observation/left")).Drafts);
        Assert.Same(picture.Signing().Lesions[1].Index, draft.Target!.Index);
    }

    [Fact]
    public void BodySiteAndSideSelectTheLesionOnThatSide()
    {
        var left = Finding("Observation/left") with { Laterality = Coded(Laterality.Left, "Observation/left") };
        var picture = Build(Finding()) with { IndexFindings = [Finding(), left] };
        var draft = Assert.Single(picture.Signing(Draft("d1", FhirSystems.Cpt, "20206", SnomedCodes.Laterality.Left, SnomedCodes.BodySite.LowerLeg)).Drafts);
        Assert.Equal("Observation/left", draft.Target!.Index.Reference);
        Assert.Equal(Laterality.Left, draft.Side);
    }

    [Fact]
    public void WithoutBodySiteTheMostRecentIndexLesionIsTheTarget()
    {
        var draft = Assert.Single(Build(Finding()).Signing(Cpt("d1", "20206")).Drafts);
        Assert.Equal("Observation/f1", draft.Target!.Index.Reference);
    }

    [Fact]
    public void AnOrderSiteOutsideTheLowerLimbHasNoTarget()
    {
        const string Forearm = "14975008";
        var draft = Assert.Single(Build(Finding()).Signing(Draft("d1", FhirSystems.Cpt, "20206", site: Forearm)).Drafts);
        Assert.Null(draft.Target);
    }

    [Fact]
    public void ASideSpecificLoincGivesTheOrderSide()
    {
        var draft = Assert.Single(Build(Finding()).Selecting(Draft("d1", FhirSystems.Loinc, LesionOrderCodes.Ultrasound.Left)).Drafts);
        Assert.Equal(Laterality.Left, draft.Side);
        Assert.StartsWith("side-specific LOINC", draft.SideSource, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderSelectConsidersOnlyTheSelectedDrafts()
    {
        var picture = Build(Finding()).Selecting(Cpt("d1", "73720"), Cpt("d2", "73590")) with { Selections = ["ServiceRequest/d2"] };
        Assert.Equal(["ServiceRequest/d2"], picture.Drafts.Where(d => d.Selected).Select(d => d.Reference));
    }

    [Fact]
    public void WithoutAnIndexLesionNoDraftHasATarget()
    {
        var picture = Build(Finding()) with { IndexFindings = [] };
        Assert.Null(Assert.Single(picture.Signing(Cpt("d1", "20206")).Drafts).Target);
    }
}
