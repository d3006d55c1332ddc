using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Context;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Context.Chart;

namespace CalcCds.Pathway.Tests.Context;

/// <summary>§5 R12: "if red flags exist, this rule's text goes into R01's detail as 'possible mimic'".</summary>
public sealed class R12FoldTests
{
    private static IndexFinding DeepLargeMass(bool preliminary = false)
    {
        var finding = Finding(mass: Presence.Present, preliminary: preliminary, patterns: StcCodes.Pattern.Nonspecific);
        return finding with
        {
            SizeCm = new Fact<decimal>(6.2m, FactOrigin.Coded, finding.Reference, finding.Date),
            Depth = new Fact<string>(DepthValue.Deep, FactOrigin.Coded, finding.Reference, finding.Date),
            BoneInvolvement = new Fact<string>(StcCodes.Bone.None, FactOrigin.Coded, finding.Reference, finding.Date),
        };
    }

    private static readonly Fhir.Model.Condition OldCalfInjury = Condition("trauma-1", Icd, "S80.11XA", clinical: "resolved");

    [Fact]
    public void R12IsSilentWhenR01FiresForTheLesion()
    {
        var picture = PictureOf(findings: [DeepLargeMass()], conditions: [OldCalfInjury]);

        Assert.Single(new R01SarcomaRedFlags().Evaluate(picture));
        Assert.Empty(new R12TraumaHistory().Evaluate(picture));
    }

    [Fact]
    public void R01DetailCarriesTheTraumaAsPossibleMimicWithTheConditionReference()
    {
        var picture = PictureOf(findings: [DeepLargeMass()], conditions: [OldCalfInjury]);

        var card = Assert.Single(new R01SarcomaRedFlags().Evaluate(picture));
        Assert.Contains("Possible mimic: trauma history at this site", card.Detail, StringComparison.Ordinal);
        Assert.Contains("Condition/trauma-1", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R02DetailCarriesTheTraumaAsPossibleMimic()
    {
        var lesion = DeepLargeMass() with { BoneInvolvement = new Fact<string>(StcCodes.Bone.Destruction, FactOrigin.Coded, "Observation/f1", "2026-10-30") };
        var picture = PictureOf(findings: [lesion], conditions: [OldCalfInjury]);

        var card = Assert.Single(new R02AggressiveFeatures().Evaluate(picture));
        Assert.Contains("Condition/trauma-1", card.Detail, StringComparison.Ordinal);
        Assert.Empty(new R12TraumaHistory().Evaluate(picture));
    }

    [Fact]
    public void R01DetailHasNoMimicSectionWithoutTraumaHistory()
    {
        var picture = PictureOf(findings: [DeepLargeMass()]);

        var card = Assert.Single(new R01SarcomaRedFlags().Evaluate(picture));
        Assert.DoesNotContain("Possible mimic", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R01DetailHasNoMimicSectionForRefutedTrauma()
    {
        var picture = PictureOf(findings: [DeepLargeMass()], conditions: [Condition("trauma-1", Icd, "S80.11XA", verification: "refuted")]);

        var card = Assert.Single(new R01SarcomaRedFlags().Evaluate(picture));
        Assert.DoesNotContain("Possible mimic", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R12StillFiresWhenTheRedFlagLesionIsPreliminaryAndNoSarcomaCardFires()
    {
        var picture = PictureOf(findings: [DeepLargeMass(preliminary: true)], conditions: [OldCalfInjury]);

        Assert.Empty(new R01SarcomaRedFlags().Evaluate(picture));
        Assert.Single(new R12TraumaHistory().Evaluate(picture));
    }

    [Fact]
    public void TraumaMimicSampleR01NamesTheTraumaCondition()
    {
        var bundle = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "red-flag-trauma-mimic-right-calf.json")))!;
        var resources = bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject().DeepClone().AsObject()).ToArray();
        var picture = Support.Pictures.Build(resources, null);

        var card = Assert.Single(new R01SarcomaRedFlags().Evaluate(picture));
        Assert.Contains("Condition/rftm-trauma", card.Detail, StringComparison.Ordinal);
    }
}
