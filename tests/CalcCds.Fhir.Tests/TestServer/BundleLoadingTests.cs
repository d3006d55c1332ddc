using System.Text.Json.Nodes;
using CalcCds.FhirEndpoint;

namespace CalcCds.Fhir.Tests.TestServer;

public sealed class BundleLoadingTests : ServerTest
{
    // Synthea transaction bundle: urn:uuid fullUrls and references (see shared/data/README.txt).
    private const string SyntheaFile = "Adan_Portillo_22bbe238-220e-495c-8abc-0ce3aa28a605.json";
    private const string SyntheaPatientId = "43b6ae50-2cca-4934-ad38-282f8934b770";

    private static string SyntheaPath => Path.Combine(RepoPaths.SharedData, "synthea-r4", SyntheaFile);

    [SharedDataFact]
    public async Task Synthea_patient_is_readable_by_its_id_after_loading()
    {
        Server.LoadBundle(SyntheaPath);

        var patient = await GetJsonAsync("Patient/" + SyntheaPatientId);

        Assert.Equal(SyntheaPatientId, (string?)patient["id"]);
    }

    [SharedDataFact]
    public async Task Synthea_observations_are_found_by_patient_after_urn_uuid_rewriting()
    {
        var bundle = JsonNode.Parse(File.ReadAllText(SyntheaPath))!.AsObject();
        var expected = bundle["entry"]!.AsArray().Count(e => (string?)e!["resource"]!["resourceType"] == "Observation");
        Server.LoadBundle(bundle);

        var page = await GetJsonAsync("Observation?patient=" + SyntheaPatientId + "&_count=0");

        Assert.True(expected > 0);
        Assert.Equal(expected, (int?)page["total"]);
    }

    [SharedDataFact]
    public async Task Synthea_references_no_longer_use_urn_uuid()
    {
        Server.LoadBundle(SyntheaPath);

        var observations = await GetJsonAsync("Observation?patient=Patient/" + SyntheaPatientId + "&_count=500");

        var text = observations.ToJsonString();
        Assert.DoesNotContain("urn:uuid:", text, StringComparison.Ordinal);
        var encounter = (string?)observations["entry"]![0]!["resource"]!["encounter"]!["reference"];
        Assert.StartsWith("Encounter/", encounter, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task Synthea_lab_search_with_prefetch_parameters_returns_newest_first()
    {
        Server.LoadBundle(Path.Combine(RepoPaths.SharedData, "synthea-r4", "Dirk_Kuhlman_1e503533-b8c2-42cb-a6d5-bbd7d70d07ad.json"));

        var labs = await GetJsonAsync("Observation?patient=948e608d-e408-4788-8cf2-8157c49c2940&category=laboratory&_sort=-date&_count=200");

        var dates = labs["entry"]!.AsArray().Select(e => DateTimeOffset.Parse((string)e!["resource"]!["effectiveDateTime"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(dates);
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public void Collection_bundle_keeps_plain_references_and_ids()
    {
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray(
                new JsonObject { ["fullUrl"] = "http://ehr.example.org/fhir/Patient/p9", ["resource"] = TestResources.Patient("p9") },
                new JsonObject { ["resource"] = TestResources.Observation("o9", "Patient/p9", "laboratory", "17861-6") }),
        };

        var resources = FhirBundles.ExtractResources(bundle);

        Assert.Equal(["p9", "o9"], resources.Select(r => (string?)r["id"]));
        Assert.Equal("Patient/p9", (string?)resources[1]["subject"]!["reference"]);
    }

    [Fact]
    public void Transaction_entries_without_ids_take_the_uuid_of_their_fullUrl()
    {
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "transaction",
            ["entry"] = new JsonArray(
                new JsonObject { ["fullUrl"] = "urn:uuid:0b1c", ["resource"] = new JsonObject { ["resourceType"] = "Patient" } },
                new JsonObject
                {
                    ["fullUrl"] = "urn:uuid:77aa",
                    ["resource"] = new JsonObject
                    {
                        ["resourceType"] = "Condition",
                        ["subject"] = new JsonObject { ["reference"] = "urn:uuid:0b1c" },
                    },
                }),
        };

        var resources = FhirBundles.ExtractResources(bundle);

        Assert.Equal("0b1c", (string?)resources[0]["id"]);
        Assert.Equal("Patient/0b1c", (string?)resources[1]["subject"]!["reference"]);
    }

    [Fact]
    public void ExtractResources_rejects_a_non_bundle()
    {
        Assert.Throws<ArgumentException>(() => FhirBundles.ExtractResources(TestResources.Patient("p1")));
    }
}
