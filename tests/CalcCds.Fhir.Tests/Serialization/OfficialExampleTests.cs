using System.Text.Json.Nodes;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Tests.Serialization;

/// <summary>Every official R4 example parses and writes back semantically equal JSON.</summary>
public sealed class OfficialExampleTests
{
    [SharedDataTheory]
    [MemberData(nameof(SampleFiles.OfficialExamples), MemberType = typeof(SampleFiles))]
    public void Example_round_trips_to_equal_json(string fileName)
    {
        var json = File.ReadAllText(Path.Combine(SampleFiles.ExamplesFolder, fileName));

        var resource = FhirJson.Parse<Resource>(json);
        var written = FhirJson.Serialize(resource);

        Assert.Null(JsonTree.FirstDifference(JsonNode.Parse(json), JsonNode.Parse(written)));
    }

    [SharedDataTheory]
    [MemberData(nameof(SampleFiles.OfficialExamples), MemberType = typeof(SampleFiles))]
    public void Example_of_a_modelled_type_parses_to_its_typed_record(string fileName)
    {
        var path = Path.Combine(SampleFiles.ExamplesFolder, fileName);
        var resourceType = SampleFiles.ResourceTypeOf(path);

        var resource = FhirJson.Parse<Resource>(File.ReadAllText(path));

        Assert.Equal(resourceType, resource.ResourceType);
        Assert.Equal(ResourceTypeNames.Modelled.ContainsKey(resourceType), resource is not OtherResource);
    }

    [SharedDataFact]
    public void Example_with_decimals_beyond_System_Decimal_fails_with_the_path_of_the_first()
    {
        var json = File.ReadAllText(Path.Combine(SampleFiles.ExamplesFolder, SampleFiles.BeyondSystemDecimal));

        var error = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Observation>(json));

        Assert.StartsWith("$.component[", error.Path, StringComparison.Ordinal);
    }
}
