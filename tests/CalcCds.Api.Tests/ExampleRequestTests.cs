using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;

namespace CalcCds.Api.Tests;

/// <summary>The example requests in <c>cds-hooks/</c> that the README tells integrators to send really work.</summary>
public sealed class ExampleRequestTests : IDisposable
{
    private readonly CalcCdsFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("patient-view")]
    [InlineData("order-select")]
    [InlineData("order-sign")]
    public async Task ExampleRequestIsAnswered(string hook)
    {
        using var client = factory.CreateLoopbackClient();
        var json = await File.ReadAllTextAsync(Path.Combine(RepoPaths.CdsHooksExamples, hook + ".json"));

        using var response = await client.PostAsync($"/cds-services/calccds-{hook}", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]);
    }

    [Fact]
    public async Task PatientViewExampleGivesTheDq1Card()
    {
        using var client = factory.CreateLoopbackClient();
        var json = await File.ReadAllTextAsync(Path.Combine(RepoPaths.CdsHooksExamples, "patient-view.json"));

        using var response = await client.PostAsync("/cds-services/calccds-patient-view", new StringContent(json, Encoding.UTF8, "application/json"));
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();

        Assert.Contains(cards, c => (string?)c!["source"]!["topic"]!["code"] == "DQ1");
    }
}
