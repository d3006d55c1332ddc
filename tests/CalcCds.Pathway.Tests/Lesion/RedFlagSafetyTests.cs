using System.Diagnostics.Metrics;
using System.Text;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;
using CalcCds.Hooks.Evaluation;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Hooks.Services;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Rules.DataQuality;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;
using Microsoft.Extensions.Logging.Abstractions;

namespace CalcCds.Pathway.Tests.Lesion;

/// <summary>
/// Issue 3 safety property: a red-flag lesion (≥ 5 cm, deep, rapid growth, bone destruction, osteoid-like matrix)
/// always gives R01 or R02 unless known sarcoma care applies — from report text alone, with symptoms unknown, and
/// when the card budget is full — and preliminary data never give a critical card.
/// </summary>
public sealed class RedFlagSafetyTests
{
    private static readonly DateTimeOffset Now = LesionPictures.Now;

    private static IRule[] AllLesionRules() =>
    [
        new R01SarcomaRedFlags(), new R02AggressiveFeatures(), new R03ClassicBenign(), new R04SmallBenignObserve(), new R05SymptomaticBenign(),
        new R06UltrasoundFirst(), new R06bIncreasingLump(), new R07CtForMineralization(), new R08MriForMass(), new R22LipomatousMass(),
        new R23KnownTumourAtSite(), new Dq1MissingDescriptors(), new Dq2ReportsDisagree(),
    ];

    private static DiagnosticReport Report(string id, string text, string status = "final") => FhirJson.Parse<DiagnosticReport>($$"""
        {"resourceType":"DiagnosticReport","id":"{{id}}","status":"{{status}}",
         "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"RAD"}]}],
         "code":{"coding":[{"system":"http://loinc.org","code":"25011-8"}]},
         "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-10",
         "presentedForm":[{"contentType":"text/plain","data":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}}"}]}
        """);

    private static CdsResponse Evaluate(IEnumerable<IRule> rules, params (string Key, Resource[] Resources)[] prefetch)
    {
        var values = prefetch.ToDictionary(
            p => p.Key,
            p => new PrefetchValue(new Bundle { Type = "searchset", Entry = p.Resources.Select(r => new BundleEntry { Resource = r }).ToList() }, PrefetchSource.Fetched));
        var options = Microsoft.Extensions.Options.Options.Create(new PathwayOptions());
        var builder = new PatientPictureBuilder(new FixedClock(Now), options, NullLogger<PatientPictureBuilder>.Instance);
        using var meters = new TestMeterFactory();
        var evaluator = new PathwayEvaluator(rules, builder, options, new PathwayMetrics(meters), NullLogger<PathwayEvaluator>.Instance);
        var service = new CdsServiceDefinition("test", HookDefinitions.PatientView, "t", "d", new Dictionary<string, string>());
        using var request = CdsRequestReader.Read(
            System.Text.Json.JsonDocument.Parse("""{"hook":"patient-view","hookInstance":"d1e7a3f0-0000-4000-8000-000000000001","context":{"userId":"Practitioner/u1","patientId":"p1"}}"""),
            HookDefinitions.PatientView);
        return evaluator.Evaluate(new HookInvocation(service, request, new PrefetchSet(values)));
    }

    private static IEnumerable<string> Fired(CdsResponse response) => (response.Cards ?? []).Select(c => c.Source.Topic!.Code);

    [Fact]
    public void NarrativeOnlyDeepLargeMassGivesR01WithVerifyText()
    {
        var report = Report("r1", "Impression: 6 cm deep intramuscular soft tissue mass with stippled calcification in the right calf.");
        var response = Evaluate(AllLesionRules(), (PrefetchKeys.RadiologyReports, [report]));
        var card = Assert.Single(response.Cards!, c => c.Source.Topic!.Code == "R01");
        Assert.Equal(CardIndicator.Critical, card.Indicator);
        Assert.Contains("read from report text", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NarrativeBoneDestructionGivesR02()
    {
        var report = Report("r1", "Soft tissue calcification in the left calf with destruction of the adjacent tibial cortex.");
        Assert.Contains("R02", Fired(Evaluate(AllLesionRules(), (PrefetchKeys.RadiologyReports, [report]))));
    }

    [Fact]
    public void RedFlagFiresWithSymptomsUnknown()
    {
        var picture = LesionPictures.Build(LesionPictures.Benign(StcCodes.Pattern.Nonspecific) with { Growth = LesionPictures.Coded(StcCodes.Growth.Rapid), AssociatedMass = null });
        Assert.Equal(SymptomStatus.Unknown, picture.Symptoms);
        Assert.Single(new R01SarcomaRedFlags().Evaluate(picture));
    }

    [Theory]
    [InlineData("size")]
    [InlineData("deep")]
    [InlineData("rapid")]
    [InlineData("bone")]
    [InlineData("osteoid")]
    public void EveryRedFlagFeatureGivesASarcomaCard(string feature)
    {
        var benign = LesionPictures.Benign(StcCodes.Pattern.Nonspecific) with { AssociatedMass = null };
        var finding = feature switch
        {
            "size" => benign with { SizeCm = LesionPictures.Coded(5.0m) },
            "deep" => benign with { Depth = LesionPictures.Coded(DepthValue.Deep) },
            "rapid" => benign with { Growth = LesionPictures.Coded(StcCodes.Growth.Rapid) },
            "bone" => benign with { BoneInvolvement = LesionPictures.Coded(StcCodes.Bone.Destruction) },
            _ => benign with { Patterns = [LesionPictures.Coded(StcCodes.Pattern.AmorphousFluffyConfluent)] },
        };
        var picture = LesionPictures.Build(finding);
        var cards = new R01SarcomaRedFlags().Evaluate(picture).Concat(new R02AggressiveFeatures().Evaluate(picture));
        Assert.Single(cards);
    }

    [Fact]
    public void R01SurvivesAFullBudget()
    {
        // A deep 6 cm mass with an indeterminate matrix, a lipoma on file and disagreeing reports: R01, R22, DQ1, DQ2
        // and more all fire; the budget of 3 must keep R01 anyway.
        var report = Report("r1", "Impression: 6 cm deep intramuscular soft tissue mass in the right calf with calcification.");
        var other = Report("r2", "Soft tissue calcification in the right calf, 2 cm, subcutaneous.");
        var lipoma = FhirJson.Parse<Condition>("""
            {"resourceType":"Condition","id":"lip","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
             "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"D17.23"}]},"subject":{"reference":"Patient/p1"}}
            """);
        var filler = Enumerable.Range(0, 4).Select(i => (IRule)new AlwaysWarning("X" + i));
        var response = Evaluate(AllLesionRules().Concat(filler), (PrefetchKeys.RadiologyReports, [report, other]), (PrefetchKeys.Conditions, [lipoma]));
        var fired = Fired(response).ToList();
        Assert.Contains("R01", fired);
        Assert.True(fired.Count <= 4, string.Join(",", fired));
    }

    [Fact]
    public void PreliminaryRedFlagNeverGivesACriticalCard()
    {
        var report = Report("r1", "Impression: 7 cm deep soft tissue mass with calcification and bone destruction in the right calf.", status: "preliminary");
        var response = Evaluate(AllLesionRules(), (PrefetchKeys.RadiologyReports, [report]));
        Assert.All(response.Cards ?? [], c => Assert.Equal(CardIndicator.Info, c.Indicator));
    }

    private sealed class AlwaysWarning(string id) : IRule
    {
        public string Id => id;

        public string Name => id;

        public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

        public IEnumerable<RuleCard> Evaluate(PatientPicture picture) =>
            [new RuleCard { RuleId = id, Indicator = CardIndicator.Warning, Summary = id, Detail = id }];
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in meters)
            {
                meter.Dispose();
            }
        }
    }
}
