using System.Text;
using System.Text.Json;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Tests.Serialization;

/// <summary>
/// FhirFastReader (the parse of byte and JsonElement input) builds exactly the records System.Text.Json builds, and
/// where it gives up, FhirJson's result and errors are System.Text.Json's. "Exactly" is checked by writing both
/// records back: the output covers every member, the extra JSON members and their order.
/// </summary>
public sealed class FastReaderTests
{
    [SharedDataTheory]
    [MemberData(nameof(SampleFiles.OfficialExamples), MemberType = typeof(SampleFiles))]
    public void Official_example_reads_as_System_Text_Json_reads_it(string fileName)
    {
        var utf8 = File.ReadAllBytes(Path.Combine(SampleFiles.ExamplesFolder, fileName));

        AssertFastPathAgrees(utf8);
    }

    [SharedDataTheory]
    [MemberData(nameof(SampleFiles.SyntheaBundles), MemberType = typeof(SampleFiles))]
    public void Synthea_bundle_reads_as_System_Text_Json_reads_it(string fileName)
    {
        var utf8 = File.ReadAllBytes(Path.Combine(SampleFiles.SyntheaFolder, fileName));

        AssertFastPathAgrees(utf8);
    }

    [Theory]
    [MemberData(nameof(OurSamples))]
    public void Sample_bundle_reads_as_System_Text_Json_reads_it(string fileName)
    {
        var utf8 = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, fileName));

        AssertFastPathAgrees(utf8);
    }

    [Fact]
    public void Prefetch_value_given_as_a_JsonElement_is_read_from_its_own_bytes()
    {
        using var document = JsonDocument.Parse("""
            {"prefetch":{"labs":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":
              {"resourceType":"Observation","status":"final","effectiveDateTime":"2026-10-14T09:40:00Z",
               "valueQuantity":{"value":9.60,"unit":"mg/dL"},"_status":{"extension":[{"url":"http://x"}]}}}]}}}
            """);

        var bundle = FhirJson.Parse<Bundle>(document.RootElement.GetProperty("prefetch").GetProperty("labs"));

        var observation = Assert.IsType<Observation>(bundle.Entry![0].Resource);
        Assert.Equal(9.60m, observation.ValueQuantity!.Value);
        Assert.Equal("9.60", observation.ValueQuantity.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2026-10-14T09:40:00Z", observation.EffectiveDateTime!.Value);
        Assert.Single(observation.PrimitiveExtensions("status"));
    }

    [Theory]
    [InlineData(120, true)] // 2 JSON levels per nested extension: within the depth limit of 256
    [InlineData(200, false)] // beyond it: System.Text.Json's depth error, not a stack overflow
    public void Deeply_nested_extensions_read_within_the_depth_limit_and_fail_cleanly_beyond_it(int levels, bool valid)
    {
        var json = new StringBuilder("""{"resourceType":"Patient","extension":""");
        for (var i = 0; i < levels; i++)
        {
            json.Append("""[{"url":"http://x","extension":""");
        }

        json.Append("[]");
        for (var i = 0; i < levels; i++)
        {
            json.Append("}]");
        }

        json.Append('}');
        var utf8 = Encoding.UTF8.GetBytes(json.ToString());

        if (valid)
        {
            Assert.True(FhirFastReader.TryRead(utf8, out var patient));
            Assert.Equal(FhirJson.Serialize(FhirJson.Parse<Resource>(json.ToString())), FhirJson.Serialize(patient));
        }
        else
        {
            Assert.False(FhirFastReader.TryRead(utf8, out _));
            Assert.Throws<FhirParseException>(() => FhirJson.Parse<Resource>(utf8));
        }
    }

    [Fact]
    public void Vocabulary_values_share_one_instance_across_parses_but_patient_data_does_not()
    {
        var utf8 = """
            {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"17861-6"}],"text":"Calcium"},
             "subject":{"reference":"Patient/shared-test-1"},"valueQuantity":{"value":9.6,"unit":"mg/dL"}}
            """u8.ToArray();

        var first = FhirJson.Parse<Observation>(utf8);
        var second = FhirJson.Parse<Observation>(utf8);

        Assert.Same(first.Code!.Coding![0].System, second.Code!.Coding![0].System);
        Assert.Same(first.ValueQuantity!.Unit, second.ValueQuantity!.Unit);
        Assert.Same(first.Status, second.Status);
        Assert.NotSame(first.Subject!.Reference, second.Subject!.Reference);
        Assert.NotSame(first.Code.Text, second.Code.Text);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","\u0069d":"escaped-name"}""")] // escaped member name
    [InlineData("""{"resourceType":"Patient","name":[null,{"family":"X"}]}""")] // null inside an array
    [InlineData("""{"resourceType":"Patient","unknown":1,"unknown":2}""")] // duplicate extra member
    [InlineData("""{"id":"late-type","resourceType":"Patient","active":true}""")] // resourceType not first
    [InlineData("""{"resourceType":"Basic","code":{"text":"not modelled"}}""")] // an R4 type without a record
    public void Unusual_but_valid_input_gives_the_same_record_either_way(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        var viaBytes = FhirJson.Parse<Resource>(utf8);
        var viaSerializer = FhirJson.Parse<Resource>(json);

        Assert.Equal(FhirJson.Serialize(viaSerializer), FhirJson.Serialize(viaBytes));
    }

    [Fact]
    public void Escaped_member_name_is_left_to_System_Text_Json()
    {
        var utf8 = """{"resourceType":"Patient","\u0069d":"p1"}"""u8;

        Assert.False(FhirFastReader.TryRead(utf8, out _));
        Assert.Equal("p1", FhirJson.Parse<Patient>(utf8).Id);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","birthDate":"2020-13-45"}""")]
    [InlineData("""{"resourceType":"Patient","active":"true"}""")]
    [InlineData("""{"resourceType":"Observation","valueQuantity":{"value":"abc"}}""")]
    [InlineData("""{"resourceType":"Observation","component":[{"valueInteger":1.5}]}""")]
    [InlineData("""{"resourceType":"Patient","contained":[{"resourceType":"Foo"}]}""")]
    [InlineData("""{"resourceType":"Patient","id":"1"} {}""")]
    [InlineData("""{"resourceType":"Patient",}""")]
    [InlineData("""{"resourceType":"Patient","id":"1""")]
    public void Invalid_input_is_never_accepted_by_the_fast_path(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.False(FhirFastReader.TryRead(utf8, out _));
        var viaBytes = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Resource>(utf8));
        var viaSerializer = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Resource>(json));
        Assert.Equal(viaSerializer.Message, viaBytes.Message);
    }

    public static TheoryData<string> OurSamples()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Samples, "*.json").Order(StringComparer.Ordinal))
        {
            if (!path.EndsWith(".expect.json", StringComparison.Ordinal))
            {
                data.Add(Path.GetFileName(path));
            }
        }

        return data;
    }

    private static void AssertFastPathAgrees(byte[] utf8)
    {
        var taken = FhirFastReader.TryRead(utf8, out var fast);

        Assert.True(taken, "the fast reader gave up on valid FHIR JSON");
        var expected = FhirJson.Parse<Resource>(Encoding.UTF8.GetString(utf8)); // the string overload is System.Text.Json only
        Assert.Equal(FhirJson.Serialize(expected), FhirJson.Serialize(fast!));
    }
}
