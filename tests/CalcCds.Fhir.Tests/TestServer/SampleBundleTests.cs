using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CalcCds.Fhir.Tests.TestServer;

/// <summary>The sample patients in fhir-samples/ are well-formed and their expectation files are usable.</summary>
public sealed partial class SampleBundleTests : ServerTest
{
    private static readonly string[] Indicators = ["info", "warning", "critical"];

    /// <summary>The hooks an expectations file may name; order hooks carry their draft orders inline.</summary>
    private static readonly string[] Hooks = ["patient-view", "order-select", "order-sign"];

    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in AllSampleNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_five_samples()
    {
        Assert.True(AllSampleNames().Count >= 5, string.Join(", ", AllSampleNames()));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_is_a_collection_bundle_of_resources_with_ids(string name)
    {
        var bundle = LoadSample(name);

        Assert.Equal("Bundle", (string?)bundle["resourceType"]);
        Assert.Equal("collection", (string?)bundle["type"]);
        Assert.All(Resources(bundle), r =>
        {
            Assert.False(string.IsNullOrEmpty((string?)r["resourceType"]));
            Assert.False(string.IsNullOrEmpty((string?)r["id"]));
        });
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_reference_in_a_sample_resolves_inside_it(string name)
    {
        var bundle = LoadSample(name);
        var known = Resources(bundle).Select(r => (string)r["resourceType"]! + "/" + (string)r["id"]!).ToHashSet();

        var references = References(bundle).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r, known));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_fullUrls_end_with_type_and_id(string name)
    {
        Assert.All(LoadSample(name)["entry"]!.AsArray(), e =>
            Assert.EndsWith("/" + (string)e!["resource"]!["resourceType"]! + "/" + (string)e["resource"]!["id"]!, (string?)e["fullUrl"], StringComparison.Ordinal));
    }

    [Fact]
    public void Resource_ids_are_unique_across_all_samples()
    {
        var keys = AllSampleNames().SelectMany(n => Resources(LoadSample(n)))
            .Select(r => (string)r["resourceType"]! + "/" + (string)r["id"]!).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Expectations_name_a_patient_of_the_sample_and_valid_rules(string name)
    {
        var expect = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, name + ".expect.json")))!.AsObject();
        var mustFire = Strings(expect["mustFire"]);
        var mustNotFire = Strings(expect["mustNotFire"]);
        var indicators = expect["indicators"]!.AsObject();

        Assert.False(string.IsNullOrWhiteSpace((string?)expect["description"]));
        Assert.Contains((string?)expect["hook"], Hooks);
        if ((string?)expect["hook"] != "patient-view")
        {
            var drafts = expect["draftOrders"]!.AsArray();
            Assert.NotEmpty(drafts);
            Assert.All(drafts, d => Assert.Equal(("ServiceRequest", "draft"), ((string?)d!["resourceType"], (string?)d["status"])));
            Assert.All(drafts, d => Assert.Equal("Patient/" + (string?)expect["patientId"], (string?)d!["subject"]!["reference"]));
        }

        Assert.Contains(Resources(LoadSample(name)), r => (string?)r["resourceType"] == "Patient" && (string?)r["id"] == (string?)expect["patientId"]);
        Assert.All(mustFire.Concat(mustNotFire).Concat(indicators.Select(i => i.Key)), id => Assert.Matches(RuleId(), id));
        Assert.Empty(mustFire.Intersect(mustNotFire));
        Assert.All(indicators, i => Assert.Contains((string?)i.Value, Indicators));
        Assert.All(mustFire, id => Assert.True(indicators.ContainsKey(id), id + " must fire but has no expected indicator"));
    }

    [SharedDataFact]
    public void Every_sample_resource_conforms_to_the_R4_json_schema()
    {
        var schema = FhirJsonSchema.Load(Path.Combine(RepoPaths.SharedData, "fhir-r4-definitions", "fhir.schema.json"));

        var errors = AllSampleNames()
            .SelectMany(n => schema.Validate(JsonDocument.Parse(File.ReadAllText(SamplePath(n))).RootElement).Select(e => n + " " + e))
            .ToList();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [SharedDataFact]
    public void Schema_check_reports_a_misspelt_element_and_a_bad_code()
    {
        var schema = FhirJsonSchema.Load(Path.Combine(RepoPaths.SharedData, "fhir-r4-definitions", "fhir.schema.json"));
        var broken = JsonDocument.Parse("""{"resourceType":"Observation","status":"done","code":{"text":"x"},"effectiveDate":"2026-11-02"}""");

        var errors = schema.Validate(broken.RootElement);

        Assert.Contains(errors, e => e.Contains("effectiveDate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Loaded_sample_answers_the_radiology_report_prefetch_query()
    {
        Server.LoadSample("narrative-only-right-calf");

        var reports = await GetJsonAsync(
            "DiagnosticReport?patient=nrc-patient&category=http://terminology.hl7.org/CodeSystem/v2-0074|RAD&_sort=-date&_count=30");

        Assert.Equal(["nrc-xr-report"], Ids(reports));
    }

    [Fact]
    public void Narrative_sample_report_carries_a_base64_text_report()
    {
        var report = Resources(LoadSample("narrative-only-right-calf")).Single(r => (string?)r["resourceType"] == "DiagnosticReport");
        var form = report["presentedForm"]![0]!;

        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)form["data"]!));

        Assert.Equal("text/plain", (string?)form["contentType"]);
        Assert.Contains("soft tissue calcification in the posterior right calf", text, StringComparison.Ordinal);
    }

    private static List<string> AllSampleNames() =>
        [.. Directory.EnumerateFiles(RepoPaths.Samples, "*.json")
            .Where(f => !f.EndsWith(".expect.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)];

    private static string SamplePath(string name) => Path.Combine(RepoPaths.Samples, name + ".json");

    private static JsonObject LoadSample(string name) => JsonNode.Parse(File.ReadAllText(SamplePath(name)))!.AsObject();

    private static IEnumerable<JsonObject> Resources(JsonObject bundle) =>
        bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject());

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["reference"] is JsonValue v && v.TryGetValue<string>(out var r) ? [r] : Array.Empty<string>())
            .Concat(obj.SelectMany(p => References(p.Value))),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    [GeneratedRegex(@"^(R\d{2}b?|DQ\d|O\d{2})$")]
    private static partial Regex RuleId();
}
