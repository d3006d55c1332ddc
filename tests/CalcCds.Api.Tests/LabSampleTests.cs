using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using CalcCds.Testing.Fhir;

namespace CalcCds.Api.Tests;

/// <summary>
/// The lab samples whose rule needs an order hook or an optional rule switched on (fhir-samples/README.md):
/// R25 and O09 with configuration enabling them (Product decision 5), O07 on order-select, O09 on order-sign.
/// The service fetches its prefetch from the test FHIR server, as with an EHR that sends no prefetch.
/// </summary>
public sealed class LabSampleTests : IAsyncLifetime
{
    private readonly CalcCdsFactory factory = new(new Dictionary<string, string?>
    {
        ["CalcCds:Pathway:EnabledOptionalRules:0"] = "R25",
        ["CalcCds:Pathway:EnabledOptionalRules:1"] = "O09",
    });

    private FhirTestServer fhir = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        fhir = await FhirTestServer.StartAsync();
        client = factory.CreateLoopbackClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await fhir.DisposeAsync();
    }

    [Fact]
    public async Task R25_fires_for_the_calciphylaxis_sample_when_enabled()
    {
        fhir.LoadSample("labs-r25-calciphylaxis-optional");
        var request = HookRequests.PatientView("lr25-patient").WithFhirServer(fhir);
        var cards = await CallAsync(PathwayServices.PatientViewId, request);
        Assert.Equal("warning", Indicator(cards, "R25"));
    }

    [Fact]
    public async Task O07_adds_albumin_to_a_lone_calcium_order()
    {
        fhir.LoadSample("labs-o07-calcium-without-albumin");
        var request = OrderRequest("order-select", "lo07-patient", Draft("lo07-draft-ca", "lo07-patient", "http://loinc.org", "17861-6", "Calcium [Mass/volume] in Serum or Plasma"));
        request["context"]!["selections"] = new JsonArray("ServiceRequest/lo07-draft-ca");
        var cards = await CallAsync(PathwayServices.OrderSelectId, request);
        Assert.Equal("info", Indicator(cards, "O07"));
        Assert.Contains(cards, c => ((string?)c["summary"])!.StartsWith("Add albumin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task O09_warns_on_a_gadolinium_mri_with_low_egfr()
    {
        fhir.LoadSample("labs-o09-gadolinium-low-egfr");
        var request = OrderRequest("order-sign", "lo09-patient", Draft("lo09-draft-mri", "lo09-patient", "http://www.ama-assn.org/go/cpt", "73720", "MRI lower extremity w/o and with contrast"));
        var cards = await CallAsync(PathwayServices.OrderSignId, request);
        Assert.Equal("warning", Indicator(cards, "O09"));
    }

    private async Task<List<JsonNode>> CallAsync(string serviceId, JsonObject request)
    {
        using var response = await client.PostAsync("/cds-services/" + serviceId, request.Json());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["cards"]!.AsArray().Select(c => c!).ToList();
    }

    private JsonObject OrderRequest(string hook, string patientId, JsonObject draft) => new JsonObject
    {
        ["hook"] = hook,
        ["hookInstance"] = Guid.NewGuid().ToString(),
        ["context"] = new JsonObject
        {
            ["userId"] = "Practitioner/dr-test",
            ["patientId"] = patientId,
            ["draftOrders"] = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "collection",
                ["entry"] = new JsonArray(new JsonObject { ["resource"] = draft }),
            },
        },
    }.WithFhirServer(fhir);

    private static JsonObject Draft(string id, string patientId, string system, string code, string display) => new()
    {
        ["resourceType"] = "ServiceRequest",
        ["id"] = id,
        ["status"] = "draft",
        ["intent"] = "order",
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code, ["display"] = display }) },
        ["subject"] = new JsonObject { ["reference"] = "Patient/" + patientId },
    };

    private static string? Indicator(List<JsonNode> cards, string rule)
    {
        var card = cards.FirstOrDefault(c => (string?)c["source"]!["topic"]!["code"] == rule);
        Assert.True(card is not null, $"{rule} must fire; fired: [{string.Join(", ", cards.Select(c => (string?)c["source"]!["topic"]!["code"]))}]");
        return (string?)card["indicator"];
    }
}
