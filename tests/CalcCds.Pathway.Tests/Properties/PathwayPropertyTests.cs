using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;
using FsCheck;
using FsCheck.Fluent;
using static CalcCds.Pathway.Tests.Support.Resources;

namespace CalcCds.Pathway.Tests.Properties;

/// <summary>
/// Issue 3 safety properties over the full evaluator and random but valid charts (FsCheck, 200 cases each): evaluation
/// never throws and gives valid CDS Hooks cards; critical cards have a reason and never rest on preliminary data;
/// entered-in-error/refuted data change nothing; SI and conventional units decide alike; a red-flag lesion always
/// gives R01 or R02 unless known sarcoma care applies.
/// </summary>
public sealed partial class PathwayPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static void Check(Gen<ChartSpec> gen, Action<ChartSpec> property) =>
        FsCheck.Check.One(Config, Prop.ForAll(Arb.From(gen), property));

    [Fact]
    public void EvaluationNeverThrowsAndEveryCardIsValidCdsHooks() => Check(ChartGen.Chart(), chart =>
    {
        var response = PathwayRunner.Run(chart);
        Assert.All(response.Cards, AssertValidCard);
    });

    [Fact]
    public void EveryCriticalCardNamesAFhirReferenceOfFinalData() => Check(ChartGen.Chart(), chart =>
    {
        var final = FinalReferences(ChartRenderer.Render(chart));
        foreach (var card in PathwayRunner.Run(chart).Cards.Where(c => c.Indicator == CardIndicator.Critical))
        {
            var named = FhirReference().Matches(card.Detail ?? string.Empty).Select(m => m.Value).ToList();
            Assert.True(named.Count > 0, $"{card.Source.Topic?.Code} critical card names no FHIR reference");
            Assert.True(named.Any(final.Contains), $"{card.Source.Topic?.Code} critical card rests on no final resource: {string.Join(", ", named)}");
        }
    });

    [Fact]
    public void PreliminaryDataAloneNeverGiveACriticalCard() => Check(ChartGen.Chart(), chart =>
    {
        var preliminary = chart with
        {
            Lesions = chart.Lesions.Select(l => l with { Preliminary = true }).ToList(),
            Labs = chart.Labs.Select(l => l with { Status = "preliminary" }).ToList(),
        };
        Assert.DoesNotContain(PathwayRunner.Run(preliminary).Cards, c => c.Indicator == CardIndicator.Critical);
    });

    [Fact]
    public void EnteredInErrorAndRefutedInputsNeverChangeTheCards()
    {
        var gen = from chart in ChartGen.Chart()
                  from noise in Noise
                  select (chart, noise);
        FsCheck.Check.One(Config, Prop.ForAll(Arb.From(gen), pair =>
        {
            // Details included: ignored records must not even be mentioned.
            var without = PathwayRunner.Run(pair.chart).Cards.Select(c => PathwayRunner.Decisions(new CdsResponse { Cards = [c] })[0] + c.Detail).ToList();
            var with = PathwayRunner.Run(pair.chart, extra: pair.noise).Cards.Select(c => PathwayRunner.Decisions(new CdsResponse { Cards = [c] })[0] + c.Detail).ToList();
            Assert.Equal(without, with);
        }));
    }

    [Fact]
    public void SiAndConventionalUnitsGiveTheSameCards() => Check(ChartGen.Chart(), chart =>
    {
        var conventional = PathwayRunner.Decisions(PathwayRunner.Run(chart, LabUnits.Conventional));
        var si = PathwayRunner.Decisions(PathwayRunner.Run(chart, LabUnits.SI));
        Assert.Equal(conventional.Select(Decision), si.Select(Decision));
    });

    [Fact]
    public void RedFlagLesionAlwaysGivesR01OrR02EvenWithAFullBudget() => Check(RedFlagChart, chart =>
    {
        var fillers = Enumerable.Range(0, 4).Select(i => (IRule)new FillerWarning("FILL" + i));
        var fired = PathwayRunner.Run(chart, extraRules: fillers).Cards.Select(c => c.Source.Topic?.Code).ToList();
        Assert.True(fired.Contains("R01") || fired.Contains("R02"), $"no R01/R02 for {chart.Lesions[0]}; fired: {string.Join(", ", fired)}");
    });

    [Fact]
    public void EveryCardCitesOnlySourcesItsRuleDocLists() => Check(ChartGen.Chart(), chart =>
    {
        foreach (var card in PathwayRunner.Run(chart).Cards)
        {
            var rule = PathwayRunner.Rules.Single(r => r.Id == card.Source.Topic!.Code);
            var documented = RuleCatalog.DocOf(rule)?.Sources ?? [];
            var cited = (card.Detail ?? string.Empty).Split('\n').SkipWhile(l => l.Trim() != "**Sources**").Skip(1)
                .TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();
            Assert.True(cited.Count > 0 || documented.Count == 0, $"{rule.Id} card cites no sources");
            Assert.All(cited, source => Assert.True(documented.Contains(source), $"{rule.Id} cites a source its [RuleDoc] does not list: {source}"));
        }
    });

    /// <summary>A final red-flag lesion (≥ 5 cm mass, deep mass, rapid growth, bone destruction or osteoid-like matrix),
    /// coded or narrative only, with random symptoms (often none) and conditions other than sarcoma.</summary>
    private static Gen<ChartSpec> RedFlagChart { get; } =
        from flag in Gen.Elements("size", "deep", "rapid", "bone", "osteoid")
        from lesion in ChartGen.Lesion(allowPreliminary: false)
        from pattern in Gen.Elements(ChartGen.Patterns.Where(p => PatternRisk.Of(p) != RiskClass.BenignVascular && p != StcCodes.Pattern.Chondrocalcinosis).Append(null).ToArray())
        from size in Gen.Choose(50, 120).Select(n => n / 10m)
        from chart in ChartGen.Chart(ChartGen.ConditionCodes.Except(ChartGen.SarcomaCodes).ToArray())
        select chart with
        {
            Hook = HookDefinitions.PatientView,
            Lesions =
            [
                flag switch
                {
                    "size" => lesion with { Pattern = pattern, SizeCm = size, SizeBasis = StcCodes.SizeBasis.Mass, Mass = "present" },
                    "deep" => lesion with { Pattern = pattern, Depth = "deep", Mass = "present" },
                    "rapid" => lesion with { Pattern = pattern, Growth = StcCodes.Growth.Rapid, Mass = "present" },
                    "bone" => lesion with { Pattern = pattern, Bone = StcCodes.Bone.Destruction },
                    _ => lesion with { Pattern = StcCodes.Pattern.AmorphousFluffyConfluent },
                },
            ],
        };

    /// <summary>Entered-in-error and refuted records that would fire rules if they counted.</summary>
    private static Gen<List<JsonObject>> Noise { get; } =
        from codes in Gen.SubListOf(ChartGen.ConditionCodes)
        from verification in Gen.Elements("refuted", "entered-in-error")
        from withFinding in Gen.Elements(true, false)
        select Enumerable.Empty<JsonObject>()
            .Concat(codes.Select((code, i) => NoiseCondition(i, code, verification)))
            .Concat(withFinding
                ?
                [
                    Finding("noise-finding", "entered-in-error", "2026-11-15", components:
                    [
                        Component(StcCodes.Attr.Depth, Concept(FhirSystems.Snomed, SnomedCodes.Depth.Deep)),
                        Component(StcCodes.Attr.BoneInvolvement, Concept(StcCodes.Systems.Bone, StcCodes.Bone.Destruction)),
                    ]),
                    Report("Impression: 8 cm deep intramuscular soft tissue mass with calcification and destruction of the tibia in the right calf.", "noise-report", "entered-in-error"),
                    NoiseCalcium(),
                ]
                : [])
            .ToList();

    private static JsonObject NoiseCondition(int index, string code, string verification) => new()
    {
        ["resourceType"] = "Condition",
        ["id"] = $"noise-condition-{index}",
        ["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
        ["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification),
        ["code"] = Concept(FhirSystems.Icd10Cm, code),
        ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
        ["onsetDateTime"] = "2026-10-01",
    };

    private static JsonObject NoiseCalcium() => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = "noise-calcium",
        ["status"] = "entered-in-error",
        ["category"] = new JsonArray(Concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")),
        ["code"] = Concept(FhirSystems.Loinc, LabLoinc.CalciumTotalMass),
        ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
        ["effectiveDateTime"] = "2026-11-20",
        ["valueQuantity"] = new JsonObject { ["value"] = 15.8m, ["unit"] = "mg/dL", ["system"] = "http://unitsofmeasure.org", ["code"] = "mg/dL" },
    };

    private static string Decision(string decision) => string.Join('|', decision.Split('|').Where((_, i) => i is 0 or 1 or 3));

    private static void AssertValidCard(Card card)
    {
        Assert.False(string.IsNullOrWhiteSpace(card.Summary));
        Assert.True(card.Summary.Length < 140, $"summary of {card.Summary.Length} characters: {card.Summary}");
        Assert.True(Enum.IsDefined(card.Indicator));
        Assert.False(string.IsNullOrWhiteSpace(card.Uuid));
        Assert.False(string.IsNullOrWhiteSpace(card.Source.Label));
        Assert.Contains(card.Source.Topic!.Code, PathwayRunner.RuleIds);
        Assert.Equal(FhirSystems.CdsRule, card.Source.Topic.System);
        if (card.Suggestions is { Count: > 0 } suggestions)
        {
            Assert.NotNull(card.SelectionBehavior);
            Assert.All(suggestions, s =>
            {
                Assert.False(string.IsNullOrWhiteSpace(s.Label));
                Assert.False(string.IsNullOrWhiteSpace(s.Uuid));
                Assert.All(s.Actions ?? [], a => Assert.True(a.Resource is not null || !string.IsNullOrWhiteSpace(a.ResourceId), $"{card.Source.Topic.Code}: action without resource"));
            });
        }
    }

    /// <summary>References (<c>Type/id</c>) of the chart's resources that are final data (any Condition counts: its own
    /// status rules apply in the picture).</summary>
    private static HashSet<string> FinalReferences(IEnumerable<JsonObject> resources) => resources
        .Where(r => (string?)r["resourceType"] == "Condition" || (string?)r["status"] is "final" or "amended" or "corrected" or "appended")
        .Select(r => $"{(string?)r["resourceType"]}/{(string?)r["id"]}")
        .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\b(Observation|DiagnosticReport|Condition|ServiceRequest|Procedure|Encounter|MedicationRequest|ImagingStudy)/[A-Za-z0-9\-\.]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex FhirReference();

    private sealed class FillerWarning(string id) : IRule
    {
        public string Id => id;

        public string Name => id;

        public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

        public IEnumerable<RuleCard> Evaluate(PatientPicture picture) =>
            [new RuleCard { RuleId = id, Indicator = CardIndicator.Warning, Summary = id, Detail = id }];
    }
}
