using System.Net;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;

namespace CalcCds.Api.Tests;

public sealed class DiscoveryTests : IDisposable
{
    private readonly CalcCdsFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task DiscoveryListsThreeServicesWithPrefetch()
    {
        using var client = factory.CreateLoopbackClient();

        var body = JsonNode.Parse(await client.GetStringAsync("/cds-services"))!;

        var services = body["services"]!.AsArray();
        Assert.Equal(["patient-view", "order-select", "order-sign"], services.Select(s => (string)s!["hook"]!));
        Assert.All(services, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)s!["title"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)s["description"]));
            Assert.NotEmpty(s["prefetch"]!.AsObject());
            Assert.Contains("{{context.patientId}}", (string)s["prefetch"]!["patient"]!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task DiscoveryShowsTheParametersInForce()
    {
        using var client = factory.CreateLoopbackClient();

        var body = JsonNode.Parse(await client.GetStringAsync("/cds-services"))!;

        Assert.Contains("INDEX_LOOKBACK_DAYS=365", (string)body["services"]![0]!["usageRequirements"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoveryNeverWritesNullOrEmptyArrays()
    {
        using var client = factory.CreateLoopbackClient();

        var text = await client.GetStringAsync("/cds-services");

        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[]", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpointsAnswer(string path)
    {
        using var client = factory.CreateLoopbackClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
