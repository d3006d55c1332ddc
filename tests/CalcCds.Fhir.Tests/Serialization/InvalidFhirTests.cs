using System.Text;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Tests.Serialization;

/// <summary>Invalid FHIR JSON fails with FhirParseException naming the path, never another exception.</summary>
public sealed class InvalidFhirTests
{
    [Theory]
    [InlineData("""{"resourceType":"Foo","id":"1"}""", "$.resourceType")]
    [InlineData("""{"id":"1"}""", "$")]
    [InlineData("""{"resourceType":42}""", "$.resourceType")]
    [InlineData("""{"resourceType":"Patient","birthDate":"2020-13-45"}""", "$.birthDate")]
    [InlineData("""{"resourceType":"Patient","birthDate":"yesterday"}""", "$.birthDate")]
    [InlineData("""{"resourceType":"Patient","birthDate":19700101}""", "$.birthDate")]
    [InlineData("""{"resourceType":"Patient","active":"true"}""", "$.active")]
    [InlineData("""{"resourceType":"Patient","name":{"family":"X"}}""", "$.name")]
    [InlineData("""{"resourceType":"Observation","code":"abc"}""", "$.code")]
    [InlineData("""{"resourceType":"Observation","valueQuantity":{"value":"abc"}}""", "$.valueQuantity.value")]
    [InlineData("""{"resourceType":"Observation","component":[{"valueInteger":1.5}]}""", "$.component[0].valueInteger")]
    [InlineData("""{"resourceType":"Patient","contained":[{"resourceType":"Foo"}]}""", "$.contained[0].resourceType")]
    [InlineData("""[]""", "$")]
    [InlineData("\"just text\"", "$")]
    [InlineData("""null""", "$")]
    [InlineData("", "$")]
    [InlineData("   ", "$")]
    [InlineData("{\"resourceType\":\"Patient\",\"id\":\"1", "$")]
    [InlineData("""{"resourceType":"Patient",}""", "$")]
    public void Invalid_json_throws_FhirParseException_at_its_path(string json, string path)
    {
        var error = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Resource>(json));

        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        Assert.StartsWith(error.Path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_date_deep_in_a_bundle_names_the_full_path()
    {
        const string json = """
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Patient"}},
              {"resource":{"resourceType":"Observation","status":"final","effectiveDateTime":"2020-13-45"}}]}
            """;

        var error = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Bundle>(json));

        Assert.Equal("$.entry[1].resource.effectiveDateTime: '2020-13-45' is not a valid FHIR dateTime", error.Message);
    }

    [Fact]
    public void Bad_value_in_a_contained_resource_of_a_bundle_names_the_full_path()
    {
        const string json = """
            {"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Observation",
              "contained":[{"resourceType":"Patient","birthDate":"1970-02-30"}]}}]}
            """;

        var error = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Bundle>(json));

        Assert.Equal("$.entry[0].resource.contained[0].birthDate", error.Path);
    }

    [Fact]
    public void Resource_of_another_type_than_asked_is_an_error()
    {
        var error = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Patient>("""{"resourceType":"Observation"}"""));

        Assert.Equal("$.resourceType", error.Path);
    }

    [Fact]
    public void Null_string_is_a_parse_error()
    {
        Assert.Throws<FhirParseException>(() => FhirJson.Parse<Resource>((string)null!));
    }

    [Fact]
    public async Task Truncated_stream_is_a_parse_error()
    {
        using var stream = new MemoryStream("""{"resourceType":"Patient","name":[{"fam"""u8.ToArray());

        await Assert.ThrowsAsync<FhirParseException>(() => FhirJson.ParseAsync<Resource>(stream, CancellationToken.None));
    }

    [Fact]
    public async Task Stream_beyond_the_size_limit_is_a_parse_error_not_an_unbounded_buffer()
    {
        var padding = new string(' ', 64 * 1024);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"resourceType":"Patient",{{padding}}"id":"p1"}"""));

        var error = await Assert.ThrowsAsync<FhirParseException>(() => FhirJson.ParseAsync<Resource>(stream, maxBytes: 4096, CancellationToken.None));

        Assert.Contains("larger than 4096 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_that_needs_several_buffers_parses_whole()
    {
        var padding = new string(' ', 64 * 1024);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"resourceType":"Patient",{{padding}}"id":"p1"}"""));

        var patient = await FhirJson.ParseAsync<Patient>(stream, CancellationToken.None);

        Assert.Equal("p1", patient.Id);
    }

    [Fact]
    public void TryParse_reports_the_error_instead_of_throwing()
    {
        var ok = FhirJson.TryParse<Patient>("""{"resourceType":"Patient","birthDate":"2020-13-45"}""", out var patient, out var error);

        Assert.False(ok);
        Assert.Null(patient);
        Assert.Equal("$.birthDate", error!.Path);
    }

    [Fact]
    public void Decimal_beyond_the_range_of_System_Decimal_is_a_parse_error_not_a_silent_change()
    {
        const string json = """{"resourceType":"Observation","valueQuantity":{"value":-1.0E+245}}""";

        var error = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Observation>(json));

        Assert.Equal("$.valueQuantity.value", error.Path);
    }
}
