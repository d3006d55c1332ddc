using System.Text.Json.Nodes;

namespace CalcCds.Fhir.Tests.TestServer;

/// <summary>Minimal raw FHIR resources for search tests: only the elements the server searches on.</summary>
internal static class TestResources
{
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074";

    public static JsonObject Patient(string id) => new() { ["resourceType"] = "Patient", ["id"] = id };

    public static JsonObject Observation(
        string id, string subject, string category, string loinc, string status = "final", string? effective = null)
    {
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = id,
            ["status"] = status,
            ["category"] = new JsonArray(Concept(ObservationCategory, category)),
            ["code"] = Concept("http://loinc.org", loinc),
            ["subject"] = Reference(subject),
        };
        if (effective is not null)
        {
            observation["effectiveDateTime"] = effective;
        }

        return observation;
    }

    public static JsonObject DiagnosticReport(string id, string patientId, string section, string? effective = null)
    {
        var report = new JsonObject
        {
            ["resourceType"] = "DiagnosticReport",
            ["id"] = id,
            ["status"] = "final",
            ["category"] = new JsonArray(Concept(V2_0074, section)),
            ["code"] = Concept("http://loinc.org", "25011-8"),
            ["subject"] = Reference("Patient/" + patientId),
        };
        if (effective is not null)
        {
            report["effectiveDateTime"] = effective;
        }

        return report;
    }

    public static JsonObject ImagingStudy(string id, string patientId, string? started) => WithDate(
        new JsonObject { ["resourceType"] = "ImagingStudy", ["id"] = id, ["status"] = "available", ["subject"] = Reference("Patient/" + patientId) },
        "started",
        started);

    public static JsonObject ServiceRequest(string id, string patientId, string? authoredOn) => WithDate(
        new JsonObject
        {
            ["resourceType"] = "ServiceRequest",
            ["id"] = id,
            ["status"] = "active",
            ["intent"] = "order",
            ["subject"] = Reference("Patient/" + patientId),
        },
        "authoredOn",
        authoredOn);

    public static JsonObject Concept(string system, string code) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };

    private static JsonObject Reference(string reference) => new() { ["reference"] = reference };

    private static JsonObject WithDate(JsonObject resource, string element, string? value)
    {
        if (value is not null)
        {
            resource[element] = value;
        }

        return resource;
    }
}
