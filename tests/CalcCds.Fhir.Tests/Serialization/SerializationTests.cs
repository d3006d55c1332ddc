using System.Text.Json;
using System.Text.Json.Serialization;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Tests.Serialization;

public sealed class SerializationTests
{
    [Fact]
    public void ResourceType_need_not_be_the_first_member()
    {
        var patient = FhirJson.Parse<Resource>("""{"id":"p1","gender":"female","resourceType":"Patient"}""");

        Assert.Equal("female", Assert.IsType<Patient>(patient).Gender);
    }

    [Fact]
    public void ResourceType_is_written_first()
    {
        Assert.StartsWith("""{"resourceType":"Patient",""", FhirJson.Serialize(new Patient { Id = "p1" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Nulls_and_empty_lists_are_not_written()
    {
        var json = FhirJson.Serialize(new ServiceRequest { Status = "draft", ReasonCode = [], Note = null });

        Assert.Equal("""{"resourceType":"ServiceRequest","status":"draft"}""", json);
    }

    [Fact]
    public void Primitive_extensions_are_kept_and_readable()
    {
        const string json = """
            {"resourceType":"Patient","birthDate":"1970-01-01",
             "_birthDate":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthTime","valueDateTime":"1970-01-01T08:30:00+01:00"}]}}
            """;

        var patient = FhirJson.Parse<Patient>(json);

        var extension = Assert.Single(patient.PrimitiveExtensions("birthDate"));
        Assert.Equal("1970-01-01T08:30:00+01:00", extension.ValueDateTime!.Value);
        Assert.Contains("\"_birthDate\"", FhirJson.Serialize(patient), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_elements_round_trip()
    {
        var observation = FhirJson.Parse<Observation>("""{"resourceType":"Observation","futureElement":{"a":[1,2]},"code":{"text":"x","fhir_comments":["c"]}}""");

        var json = FhirJson.Serialize(observation);

        Assert.Contains("\"futureElement\":{\"a\":[1,2]}", json, StringComparison.Ordinal);
        Assert.Contains("\"fhir_comments\":[\"c\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_keeps_its_written_precision()
    {
        var observation = FhirJson.Parse<Observation>("""{"resourceType":"Observation","valueQuantity":{"value":1.50,"unit":"mmol/L"}}""");

        Assert.Contains("\"value\":1.50", FhirJson.Serialize(observation), StringComparison.Ordinal);
    }

    [Fact]
    public void Unmodelled_r4_resource_keeps_its_whole_json()
    {
        const string json = """{"resourceType":"Claim","id":"c1","status":"active","total":{"value":12.30,"currency":"USD"}}""";

        var claim = Assert.IsType<OtherResource>(FhirJson.Parse<Resource>(json));

        Assert.Equal(("Claim", "c1"), (claim.ResourceType, claim.Id));
        Assert.Equal(json, FhirJson.Serialize(claim));
    }

    [Fact]
    public void Effective_prefers_dateTime_then_instant_then_period_start()
    {
        var observation = new Observation { EffectivePeriod = new Period { Start = FhirDateTime.Parse("2020-01-02") } };

        Assert.Equal("2020-01-02", observation.Effective?.Value);
    }

    [Fact]
    public void Converter_works_on_a_property_in_another_source_generated_context()
    {
        var card = new CardLike("Order", new ServiceRequest { Status = "draft", Intent = "proposal" });

        var json = JsonSerializer.Serialize(card, OtherContext.Default.CardLike);
        var back = JsonSerializer.Deserialize(json, OtherContext.Default.CardLike)!;

        Assert.Contains("\"resourceType\":\"ServiceRequest\"", json, StringComparison.Ordinal);
        Assert.Equal("proposal", Assert.IsType<ServiceRequest>(back.Resource).Intent);
    }

    [Fact]
    public void Parse_from_a_JsonElement_matches_parse_from_text()
    {
        using var document = JsonDocument.Parse("""{"resourceType":"Condition","onsetDateTime":"2019-05"}""");

        var condition = FhirJson.Parse<Condition>(document.RootElement);

        Assert.Equal(FhirDateTimePrecision.Month, condition.Onset!.Precision);
    }
}

/// <summary>Stands in for a CDS Hooks record that embeds a FHIR resource in another project's context.</summary>
public sealed record CardLike(string Summary, [property: JsonConverter(typeof(ResourceJsonConverter))] Resource? Resource);

[JsonSerializable(typeof(CardLike))]
internal sealed partial class OtherContext : JsonSerializerContext;
