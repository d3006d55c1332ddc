using System.Text;
using System.Text.Json.Nodes;

namespace CalcCds.Pathway.Tests.Support;

/// <summary>Small FHIR JSON builders for the shapes of clinical-pathway.md §3.1 and §2.1.</summary>
public static class Resources
{
    private const string Stc = "http://calccds.org/fhir/CodeSystem/";
    private const string Snomed = "http://snomed.info/sct";

    public static JsonObject Coding(string system, string code) => new() { ["system"] = system, ["code"] = code };

    public static JsonObject Concept(string system, string code) => new() { ["coding"] = new JsonArray(Coding(system, code)) };

    public static JsonObject Component(string attribute, JsonNode value, string valueKey = "valueCodeableConcept") => new()
    {
        ["code"] = Concept(Stc + "stc-attr", attribute),
        [valueKey] = value,
    };

    /// <summary>An STC-Finding Observation (§3.1): right calf unless told otherwise, with the given components.</summary>
    public static JsonObject Finding(
        string id = "finding-1",
        string status = "final",
        string date = "2026-10-15",
        string site = "53840002",
        string? laterality = "24028007",
        string presence = "52101004",
        params JsonObject[] components)
    {
        var bodySite = Concept(Snomed, site);
        if (laterality is not null)
        {
            bodySite["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier",
                ["valueCodeableConcept"] = Concept(Snomed, laterality),
            });
        }

        var finding = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = id,
            ["status"] = status,
            ["category"] = new JsonArray(Concept("http://terminology.hl7.org/CodeSystem/observation-category", "imaging")),
            ["code"] = Concept(Stc + "stc", "soft-tissue-calcification"),
            ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
            ["effectiveDateTime"] = date,
            ["valueCodeableConcept"] = Concept(Snomed, presence),
            ["bodySite"] = bodySite,
        };
        if (components.Length > 0)
        {
            finding["component"] = new JsonArray(components.Select(c => (JsonNode)c).ToArray());
        }

        return finding;
    }

    /// <summary>All five DQ1 descriptors, benign values.</summary>
    public static JsonObject[] CompleteDescriptors() =>
    [
        Component("pattern", Concept(Stc + "stc-pattern", "laminated")),
        Component("lesion-max-dimension", new JsonObject { ["value"] = 12, ["unit"] = "mm", ["system"] = "http://unitsofmeasure.org", ["code"] = "mm" }, "valueQuantity"),
        Component("size-basis", Concept(Stc + "stc-size-basis", "calcification-extent")),
        Component("depth", Concept(Snomed, "26283006")),
        Component("associated-mass", Concept(Snomed, "2667000")),
        Component("bone-involvement", Concept(Stc + "stc-bone", "none")),
        Component("pain", JsonValue.Create(false), "valueBoolean"),
    ];

    /// <summary>A radiology DiagnosticReport (§2.1) with the conclusion and, optionally, a text/plain presentedForm.</summary>
    public static JsonObject Report(string conclusion, string id = "report-1", string status = "final", string date = "2026-10-30", string loinc = "25011-8", string? presentedText = null)
    {
        var report = new JsonObject
        {
            ["resourceType"] = "DiagnosticReport",
            ["id"] = id,
            ["status"] = status,
            ["category"] = new JsonArray(Concept("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD")),
            ["code"] = Concept("http://loinc.org", loinc),
            ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
            ["effectiveDateTime"] = date,
            ["conclusion"] = conclusion,
        };
        if (presentedText is not null)
        {
            report["presentedForm"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "text/plain",
                ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(presentedText)),
            });
        }

        return report;
    }

    public static JsonObject Patient(string birthDate = "1970-05-01") => new()
    {
        ["resourceType"] = "Patient",
        ["id"] = "p1",
        ["birthDate"] = birthDate,
    };
}
