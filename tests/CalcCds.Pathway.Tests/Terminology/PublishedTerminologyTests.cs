using System.Reflection;
using System.Text.Json;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Terminology;

/// <summary>
/// The published CodeSystems and ValueSets (terminology/ at the repo root, Product decision 1) and the code constants
/// the service uses must not drift apart: every constant is a concept, every concept is a constant.
/// </summary>
public sealed class PublishedTerminologyTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "terminology");

    /// <summary>Nested classes of <see cref="StcCodes"/> (and the override codes) → the system they hold codes of.</summary>
    private static readonly Dictionary<Type, string> CodeClasses = new()
    {
        [typeof(StcCodes.Finding)] = StcCodes.Systems.Stc,
        [typeof(StcCodes.Attr)] = StcCodes.Systems.Attr,
        [typeof(StcCodes.Pattern)] = StcCodes.Systems.Pattern,
        [typeof(StcCodes.Location)] = StcCodes.Systems.Location,
        [typeof(StcCodes.Depth)] = StcCodes.Systems.Depth,
        [typeof(StcCodes.SizeBasis)] = StcCodes.Systems.SizeBasis,
        [typeof(StcCodes.Growth)] = StcCodes.Systems.Growth,
        [typeof(StcCodes.Bone)] = StcCodes.Systems.Bone,
        [typeof(StcCodes.Matrix)] = StcCodes.Systems.Matrix,
        [typeof(StcCodes.Distribution)] = StcCodes.Systems.Distribution,
        [typeof(StcCodes.Mechanism)] = StcCodes.Systems.Mechanism,
        [typeof(StcCodes.Order)] = StcCodes.Systems.Order,
        [typeof(StcOverride)] = StcCodes.Systems.Override,
        [typeof(ImpressionCodes)] = StcCodes.Systems.Stc,
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void FileParsesWithOurFhirLayer(string file)
    {
        var resource = FhirJson.Parse<Resource>(File.ReadAllText(Path.Combine(Folder, file)));

        Assert.Contains(resource.ResourceType, new[] { "CodeSystem", "ValueSet" });
        Assert.StartsWith(resource.ResourceType + "-" + resource.Id, file, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryNestedCodeClassOfStcCodesIsMapped()
    {
        var nested = typeof(StcCodes).GetNestedTypes().Where(t => t != typeof(StcCodes.Systems));

        Assert.All(nested, t => Assert.True(CodeClasses.ContainsKey(t), $"{t.Name} has no published CodeSystem mapping"));
    }

    [Fact]
    public void EverySystemHasACompleteCaseSensitiveCodeSystemAndAValueSet()
    {
        var systems = typeof(StcCodes.Systems).GetFields().Select(f => (string)f.GetRawConstantValue()!).Append(FhirSystems.CdsRule);

        Assert.All(systems, system =>
        {
            var codeSystem = CodeSystem(system);
            Assert.Equal(system, codeSystem.GetProperty("url").GetString());
            Assert.True(codeSystem.GetProperty("caseSensitive").GetBoolean());
            Assert.Equal("complete", codeSystem.GetProperty("content").GetString());
            Assert.Equal("is-a", codeSystem.GetProperty("hierarchyMeaning").GetString());
            Assert.Equal(codeSystem.GetProperty("concept").GetArrayLength(), codeSystem.GetProperty("count").GetInt32());
            var valueSet = Read($"ValueSet-{Id(system)}.json");
            Assert.Equal(codeSystem.GetProperty("valueSet").GetString(), valueSet.GetProperty("url").GetString());
            Assert.Equal(system, valueSet.GetProperty("compose").GetProperty("include")[0].GetProperty("system").GetString());
        });
    }

    [Fact]
    public void CodeConstantsAndPublishedConceptsAreTheSame()
    {
        // One system may take its codes from more than one class (stc: finding codes and ImpressionCodes).
        Assert.All(CodeClasses.GroupBy(pair => pair.Value, StringComparer.Ordinal), system =>
        {
            var inCode = system.SelectMany(pair => pair.Key.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(ImpressionCodes.System))
                .Select(f => (string)f.GetRawConstantValue()!)
                .Order(StringComparer.Ordinal);
            Assert.Equal(inCode, Concepts(system.Key).Keys.Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void PublishedPatternRiskClassesMatchTheCode()
    {
        var published = CodeSystem(StcCodes.Systems.Pattern).GetProperty("concept").EnumerateArray().ToDictionary(
            c => c.GetProperty("code").GetString()!,
            c => c.GetProperty("property").EnumerateArray().Single(p => p.GetProperty("code").GetString() == PatternRisk.PropertyCode).GetProperty("valueCode").GetString()!);

        Assert.Equal(PatternRisk.Table.Select(p => KeyValuePair.Create(p.Key, PatternRisk.Code(p.Value))).OrderBy(p => p.Key, StringComparer.Ordinal), published.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void CdsRuleListsEveryRuleIdOfTheDecisionTable()
    {
        string[] expected =
        [
            .. Enumerable.Range(1, 25).Select(n => $"R{n:00}"), "R06b", "DQ1", "DQ2", .. Enumerable.Range(1, 9).Select(n => $"O{n:00}"),
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Concepts(FhirSystems.CdsRule).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRuleIdAndNameIsInCdsRule()
    {
        var concepts = Concepts(FhirSystems.CdsRule);
        var rules = typeof(IRule).Assembly.GetTypes()
            .Where(t => typeof(IRule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IRule)Activator.CreateInstance(t)!)
            .ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.True(concepts.TryGetValue(rule.Id, out var display), $"{rule.Id} is not in cds-rule");
            Assert.Equal(display, rule.Name);
        });
    }

    private static Dictionary<string, string?> Concepts(string system) =>
        CodeSystem(system).GetProperty("concept").EnumerateArray()
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("display").GetString(), StringComparer.Ordinal);

    private static JsonElement CodeSystem(string system) => Read($"CodeSystem-{Id(system)}.json");

    private static string Id(string system) => system[(system.LastIndexOf('/') + 1)..];

    private static JsonElement Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        return document.RootElement.Clone();
    }
}
