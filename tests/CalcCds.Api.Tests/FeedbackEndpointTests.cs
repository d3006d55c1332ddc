using System.Net;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using CalcCds.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CalcCds.Api.Tests;

/// <summary>The feedback route of CDS Hooks 2.0: validation per the spec, all-or-nothing, every report kept.</summary>
public sealed class FeedbackEndpointTests : IDisposable
{
    private const string Path = "/cds-services/" + PathwayServices.PatientViewId + "/feedback";

    private readonly CalcCdsFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string json)
    {
        using var client = factory.CreateLoopbackClient();
        using var response = await client.PostAsync(Path, JsonNode.Parse(json)!.Json());
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<IReadOnlyList<FeedbackEntry>> StoredAsync(string? card = null) =>
        factory.Services.GetRequiredService<IFeedbackStore>().ListAsync(card, CancellationToken.None);

    [Fact]
    public async Task AcceptedAndOverriddenFeedbackIsStored()
    {
        var (status, _) = await PostAsync("""
            {"feedback":[
              {"card":"card-a","outcome":"accepted","acceptedSuggestions":[{"id":"s1"}],"outcomeTimestamp":"2026-11-21T10:00:00Z"},
              {"card":"card-b","outcome":"overridden","outcomeTimestamp":"2026-11-21T10:01:00Z",
               "overrideReason":{"reason":{"system":"http://calccds.org/fhir/CodeSystem/stc-override","code":"other","display":"Other"},"userComment":"seen by ortho"}}
            ]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var accepted = Assert.Single(await StoredAsync("card-a"));
        Assert.Equal(["s1"], accepted.AcceptedSuggestionIds);
        var overridden = Assert.Single(await StoredAsync("card-b"));
        Assert.Equal("other", overridden.OverrideReasonCode);
        Assert.Equal("seen by ortho", overridden.UserComment);
        Assert.Equal(PathwayServices.PatientViewId, overridden.ServiceId);
    }

    [Fact]
    public async Task TheSameCardReportedTwiceIsKeptTwice()
    {
        const string body = """{"feedback":[{"card":"card-twice","outcome":"overridden","outcomeTimestamp":"2026-11-21T10:00:00Z"}]}""";

        await PostAsync(body);
        await PostAsync(body);

        Assert.Equal(2, (await StoredAsync("card-twice")).Count);
    }

    [Theory]
    [InlineData("""{"feedback":[{"outcome":"accepted","acceptedSuggestions":[{"id":"s"}],"outcomeTimestamp":"2026-11-21T10:00:00Z"}]}""", "feedback[0].card")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"maybe","outcomeTimestamp":"2026-11-21T10:00:00Z"}]}""", "feedback[0].outcome")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"accepted","outcomeTimestamp":"2026-11-21T10:00:00Z"}]}""", "feedback[0].acceptedSuggestions")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden","outcomeTimestamp":"last tuesday"}]}""", "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden"}]}""", "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[]}""", "feedback")]
    [InlineData("""{"cards":[]}""", "feedback")]
    public async Task InvalidFeedbackIs400NamingTheEntry(string json, string expression)
    {
        var (status, body) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var outcome = JsonNode.Parse(body)!;
        Assert.Contains(outcome["issue"]!.AsArray(), i => (string?)i!["expression"]![0] == expression);
    }

    [Fact]
    public async Task APostWithOneBadEntryStoresNothing()
    {
        var (status, body) = await PostAsync("""
            {"feedback":[
              {"card":"good-card","outcome":"overridden","outcomeTimestamp":"2026-11-21T10:00:00Z"},
              {"card":"bad-card","outcome":"accepted","outcomeTimestamp":"2026-11-21T10:00:00Z"}
            ]}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("feedback[1]", body, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync("good-card"));
    }
}
