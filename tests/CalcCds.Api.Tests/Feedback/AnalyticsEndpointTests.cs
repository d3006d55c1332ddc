using System.Net;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;
using CalcCds.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CalcCds.Api.Tests.Feedback;

public sealed class AnalyticsEndpointTests : IAsyncLifetime
{
    private const string Key = "test-admin-key-0123456789abcdef-0123456789";
    private const string Report = "/admin/feedback/report?from=2026-11-16&to=2026-11-23&period=week";
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    private readonly CalcCdsFactory factory = new(new Dictionary<string, string?> { ["CalcCds:Admin:ApiKey"] = Key });
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        client = factory.CreateLoopbackClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Report_without_the_admin_key_is_refused()
    {
        using var response = await client.GetAsync(Report);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Report_with_a_wrong_admin_key_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Report);
        request.Headers.Add("X-CalcCds-Admin-Key", Key + "x");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Report_is_not_found_when_no_admin_key_is_configured()
    {
        await using var unconfigured = new CalcCdsFactory();
        using var other = unconfigured.CreateLoopbackClient();

        using var response = await other.GetAsync(Report);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Report_gives_per_rule_counts_reasons_and_acceptance_rate()
    {
        var store = factory.Services.GetRequiredService<IFeedbackStore>();
        await store.RecordEvaluationsAsync(
        [
            Evaluation("h1", ("c1", "CC1"), ("c2", "CC1"), ("c3", "CC1")),
            Evaluation("h2", ("d1", "DQ1")),
        ], default);
        await store.AddAsync(
        [
            Entry("c1", "accepted", null),
            Entry("c2", "overridden", "not-relevant"),
            Entry("c3", "overridden", "not-relevant"),
            Entry("c3", "overridden", "not-relevant"), // reported twice: one card
        ], default);

        using var request = new HttpRequestMessage(HttpMethod.Get, Report);
        request.Headers.Add("X-CalcCds-Admin-Key", Key);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("week", (string?)body["period"]);
        var rules = body["rules"]!.AsArray();
        var cc1 = rules.Single(r => (string?)r!["ruleId"] == "CC1")!;
        Assert.Equal((3, 1, 2, 0.3333), ((int)cc1["shown"]!, (int)cc1["accepted"]!, (int)cc1["overridden"]!, (double)cc1["acceptanceRate"]!));
        var reason = Assert.Single(cc1["overrideReasons"]!.AsArray())!;
        Assert.Equal(("not-relevant", 2), ((string?)reason["code"], (int)reason["cards"]!));
        var dq1 = rules.Single(r => (string?)r!["ruleId"] == "DQ1")!;
        Assert.Equal((1, 0), ((int)dq1["shown"]!, (int)dq1["accepted"]!));
        Assert.Null(dq1["acceptanceRate"]);
    }

    [Fact]
    public async Task Report_with_an_inverted_range_is_a_bad_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/feedback/report?from=2026-11-23&to=2026-11-16");
        request.Headers.Add("X-CalcCds-Admin-Key", Key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static EvaluationRecord Evaluation(string hookInstance, params (string Card, string Rule)[] cards) => new()
    {
        HookInstance = hookInstance,
        ServiceId = "calccds-patient-view",
        EvaluatedAt = Monday,
        Duration = TimeSpan.FromMilliseconds(5),
        PrefetchProvided = 3,
        PrefetchFetched = 0,
        Cards = cards.Select(c => new EvaluatedCard(c.Card, c.Rule, "warning")).ToList(),
    };

    private static FeedbackEntry Entry(string card, string outcome, string? reason) => new()
    {
        ServiceId = "calccds-patient-view",
        CardUuid = card,
        Outcome = outcome,
        OverrideReasonSystem = reason is null ? null : "http://calccds.org/fhir/CodeSystem/override-reason",
        OverrideReasonCode = reason,
        OutcomeTimestamp = Monday.AddHours(1),
        ReceivedAt = Monday.AddHours(1),
    };
}
