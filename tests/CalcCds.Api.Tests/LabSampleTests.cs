using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using CalcCds.Testing.Fhir;

namespace CalcCds.Api.Tests;

/// <summary>
/// Lab sample checks beyond their <c>.expect.json</c> (fhir-samples/README.md): R25 with configuration enabling it
/// (Product decision 5), and the patient-view R09 card of the O07/O09 samples, whose expectations are order hooks.
/// The service fetches its prefetch from the test FHIR server, as with an EHR that sends no prefetch.
/// </summary>
public sealed class LabSampleTests : IAsyncLifetime
{
    private readonly CalcCdsFactory factory = new(new Dictionary<string, string?>
    {
        ["CalcCds:Pathway:EnabledOptionalRules:0"] = "R25",
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

    [Theory]
    [InlineData("labs-o07-calcium-without-albumin", "lo07-patient")]
    [InlineData("labs-o09-gadolinium-low-egfr", "lo09-patient")]
    public async Task Order_hook_samples_give_R09_on_patient_view(string sample, string patientId)
    {
        fhir.LoadSample(sample);
        var request = HookRequests.PatientView(patientId).WithFhirServer(fhir);
        var cards = await CallAsync(PathwayServices.PatientViewId, request);
        Assert.Equal("warning", Indicator(cards, "R09"));
    }

    private async Task<List<JsonNode>> CallAsync(string serviceId, JsonObject request)
    {
        using var response = await client.PostAsync("/cds-services/" + serviceId, request.Json());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["cards"]!.AsArray().Select(c => c!).ToList();
    }

    private static string? Indicator(List<JsonNode> cards, string rule)
    {
        var card = cards.FirstOrDefault(c => (string?)c["source"]!["topic"]!["code"] == rule);
        Assert.True(card is not null, $"{rule} must fire; fired: [{string.Join(", ", cards.Select(c => (string?)c["source"]!["topic"]!["code"]))}]");
        return (string?)card["indicator"];
    }
}
