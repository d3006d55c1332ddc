using System.Text.Json.Nodes;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Tests.Serialization;

/// <summary>Synthea transaction bundles (with Claims, ExplanationOfBenefits, ...) parse and round-trip.</summary>
public sealed class SyntheaBundleTests
{
    [SharedDataTheory]
    [MemberData(nameof(SampleFiles.SyntheaBundles), MemberType = typeof(SampleFiles))]
    public void Synthea_bundle_round_trips_to_equal_json(string fileName)
    {
        var json = File.ReadAllBytes(Path.Combine(SampleFiles.SyntheaFolder, fileName));

        var bundle = FhirJson.Parse<Bundle>(json);
        var written = FhirJson.SerializeToUtf8Bytes(bundle);

        Assert.Null(JsonTree.FirstDifference(JsonNode.Parse(json), JsonNode.Parse(written)));
    }

    [SharedDataTheory]
    [MemberData(nameof(SampleFiles.SyntheaBundles), MemberType = typeof(SampleFiles))]
    public async Task Synthea_bundle_has_one_patient_and_typed_observations(string fileName)
    {
        await using var stream = File.OpenRead(Path.Combine(SampleFiles.SyntheaFolder, fileName));

        var bundle = await FhirJson.ParseAsync<Bundle>(stream, CancellationToken.None);

        var resources = bundle.Entry!.Select(e => e.Resource).ToList();
        Assert.Single(resources.OfType<Patient>());
        Assert.NotEmpty(resources.OfType<Observation>());
        Assert.All(resources, r => Assert.NotNull(r));
    }
}
