using System.Net;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using CalcCds.Storage;
using CalcCds.Testing.Fhir;
using Microsoft.Extensions.DependencyInjection;

namespace CalcCds.Api.Tests.Feedback;

/// <summary>Feedback through the real HTTP pipeline into the SQLite store, joined to the evaluation log.</summary>
public sealed class FeedbackPersistenceTests : IAsyncLifetime
{
    private readonly CalcCdsFactory factory = new(new Dictionary<string, string?>
    {
        // Hundreds of posts at once: let them queue for a slot rather than be refused with 429.
        ["CalcCds:Security:Limits:QueueLimit"] = "1000",
    });

    private HttpClient client = null!;

    private IFeedbackStore Store => factory.Services.GetRequiredService<IFeedbackStore>();

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
    public async Task Feedback_on_a_card_is_stored_with_the_rule_that_produced_it()
    {
        await using var fhir = await FhirTestServer.StartAsync();
        fhir.LoadSample("narrative-only-right-calf");
        var hookInstance = Guid.NewGuid().ToString();
        var request = await HookRequests.PatientView("nrc-patient", hookInstance).WithPrefetchAsync(client, fhir);
        using var call = await client.PostAsync("/cds-services/" + PathwayServices.PatientViewId, request.Json());
        var card = JsonNode.Parse(await call.Content.ReadAsStringAsync())!["cards"]!.AsArray()
            .First(c => (string?)c!["source"]!["topic"]!["code"] == "DQ1")!;
        var uuid = (string)card["uuid"]!;
        var logged = await WaitForEvaluationAsync(hookInstance);

        using var response = await client.PostAsync(FeedbackBodies.Path, FeedbackBodies.Overridden(uuid, "not-relevant").Json());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(logged.Cards, c => (c.CardUuid, c.RuleId, c.Indicator) == (uuid, "DQ1", "info"));
        var stored = Assert.Single(await Store.ListAsync(uuid, default));
        Assert.Equal(("DQ1", "overridden", "not-relevant", "already followed up"), (stored.RuleId, stored.Outcome, stored.OverrideReasonCode, stored.UserComment));
        Assert.Equal(CalcCdsFactory.SampleDate, stored.ReceivedAt);
        Assert.Null(stored.Issuer); // security is disabled in these tests: no authenticated principal
    }

    [Fact]
    public async Task Evaluation_log_keeps_ids_and_counts_only()
    {
        await using var fhir = await FhirTestServer.StartAsync();
        fhir.LoadSample("narrative-only-right-calf");
        var hookInstance = Guid.NewGuid().ToString();
        var request = await HookRequests.PatientView("nrc-patient", hookInstance).WithPrefetchAsync(client, fhir);
        using var call = await client.PostAsync("/cds-services/" + PathwayServices.PatientViewId, request.Json());

        var logged = await WaitForEvaluationAsync(hookInstance);

        Assert.Equal(PathwayServices.PatientViewId, logged.ServiceId);
        Assert.True(logged.PrefetchProvided > 0);
        Assert.Equal(0, logged.PrefetchFetched);
        Assert.DoesNotContain(logged.Cards, c => c.CardUuid.Contains("nrc-patient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hundreds_of_concurrent_feedback_posts_are_all_persisted()
    {
        var cards = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid().ToString()).ToList();

        var statuses = await Task.WhenAll(cards.Select(async card =>
        {
            using var response = await client.PostAsync(FeedbackBodies.Path, FeedbackBodies.Accepted(card, "s-1").Json());
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var stored = await Store.ListAsync(null, default);
        Assert.Equal(cards.Order(StringComparer.Ordinal), stored.Select(s => s.CardUuid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_post_with_one_bad_entry_stores_nothing()
    {
        var body = FeedbackBodies.Accepted("good-card", "s-1");
        body["feedback"]!.AsArray().Add(new JsonObject { ["card"] = "bad-card", ["outcome"] = "maybe", ["outcomeTimestamp"] = "2026-11-21T12:00:00Z" });

        using var response = await client.PostAsync(FeedbackBodies.Path, body.Json());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("feedback[1].outcome", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await Store.ListAsync(null, default));
    }

    private async Task<EvaluationRecord> WaitForEvaluationAsync(string hookInstance)
    {
        // The evaluation log is written off the request path; it lands within milliseconds.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await Store.ListEvaluationsAsync(hookInstance, default) is [var logged, ..])
            {
                return logged;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"hookInstance {hookInstance} never reached the evaluation log");
    }
}
