using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Security;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using CalcCds.Storage;
using CalcCds.Testing.Fhir;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CalcCds.Api.Tests.Feedback;

/// <summary>
/// Product decision 9 end to end, through the real HTTP pipeline and store: a card a clinician acted on is not shown
/// again for the same patient, rule, lesion and inputs within the window; anything else is.
/// </summary>
public abstract class RepeatSuppressionTests : IAsyncLifetime
{
    // R10 as a warning: calcium 2.95 mmol/L (Observation lr10a-lab-ca), neither critical nor protected.
    private const string WarningSample = "labs-r10-hypercalcemia-si-units";
    private const string WarningPatient = "lr10a-patient";

    // R10 critical (calcium 14.6 mg/dL, HH) with an R09 warning beside it.
    private const string CriticalSample = "labs-r10-severe-hypercalcemia";
    private const string CriticalPatient = "lr10b-patient";

    private readonly LogCapture logs = new();
    private CalcCdsFactory factory = null!;
    private HttpClient client = null!;
    private FhirTestServer fhir = null!;

    private IFeedbackStore Store => factory.Services.GetRequiredService<IFeedbackStore>();

    protected abstract Task<IDictionary<string, string?>> StoreSettingsAsync();

    protected virtual Task CleanUpStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        factory = new CalcCdsFactory(await StoreSettingsAsync(), logs);
        client = factory.CreateLoopbackClient();
        fhir = await FhirTestServer.StartAsync();
        fhir.LoadSample(WarningSample);
        fhir.LoadSample(CriticalSample);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await fhir.DisposeAsync();
        await factory.DisposeAsync();
        await CleanUpStoreAsync();
    }

    protected async Task ACardAClinicianOverrodeIsNotShownAgainOnUnchangedInputs()
    {
        var first = await CallAsync(WarningPatient);
        await OverrideAsync(first, "R10");

        var again = await CallAsync(WarningPatient);

        Assert.DoesNotContain("R10", again.Rules);
    }

    protected async Task ACardAClinicianAcceptedIsNotShownAgainOnUnchangedInputs()
    {
        var first = await CallAsync(WarningPatient);
        await PostAsync(FeedbackBodies.Accepted(first.Uuid("R10"), "s-1"));

        var again = await CallAsync(WarningPatient);

        Assert.DoesNotContain("R10", again.Rules);
    }

    protected async Task ACardWithoutFeedbackIsShownAgain()
    {
        await CallAsync(WarningPatient);

        var again = await CallAsync(WarningPatient);

        Assert.Contains("R10", again.Rules);
    }

    protected async Task ANewLabValueShowsTheCardAgain()
    {
        var first = await CallAsync(WarningPatient);
        await OverrideAsync(first, "R10");

        var again = await CallAsync(WarningPatient, request => SetValue(request, "lr10a-lab-ca", 3.05));

        Assert.Contains("R10", again.Rules);
    }

    protected async Task ACriticalCardIsNeverSuppressed()
    {
        var first = await CallAsync(CriticalPatient);
        Assert.Equal("critical", first.Indicator("R10"));
        await OverrideAsync(first, "R10");

        var again = await CallAsync(CriticalPatient);

        Assert.Contains("R10", again.Rules);
    }

    protected async Task TheCardIsShownAgainOnceTheWindowHasPassed()
    {
        var first = await CallAsync(WarningPatient);
        await OverrideAsync(first, "R10");

        factory.Clock.Advance(TimeSpan.FromDays(31));
        var again = await CallAsync(WarningPatient);

        Assert.Contains("R10", again.Rules);
    }

    protected async Task TheCardStaysSuppressedInsideTheWindow()
    {
        var first = await CallAsync(WarningPatient);
        await OverrideAsync(first, "R10");

        factory.Clock.Advance(TimeSpan.FromDays(29));
        var again = await CallAsync(WarningPatient);

        Assert.DoesNotContain("R10", again.Rules);
    }

    protected async Task FeedbackAtOneFhirServerDoesNotSuppressTheCardAtAnother()
    {
        var first = await CallAsync(WarningPatient);
        await OverrideAsync(first, "R10");

        var elsewhere = await CallAsync(WarningPatient, request => request["fhirServer"] = "https://other-ehr.example.org/fhir");

        Assert.Contains("R10", elsewhere.Rules);
    }

    protected async Task ASuppressedCardIsCountedByRuleAndLoggedWithItsHookInstance()
    {
        var first = await CallAsync(WarningPatient);
        await OverrideAsync(first, "R10");
        var meterFactory = factory.Services.GetRequiredService<IMeterFactory>();
        var counted = new List<string?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "calccds.cards.repeat_suppressed" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (counted)
            {
                counted.Add(tags.ToArray().Single(t => t.Key == "rule").Value as string);
            }
        });
        listener.Start();

        var again = await CallAsync(WarningPatient);

        Assert.Equal(["R10"], counted);
        Assert.Contains(logs.Entries, e => e.Text.Contains("Repeat suppression hid R10", StringComparison.Ordinal) && e.Text.Contains(again.HookInstance, StringComparison.Ordinal));
    }

    protected async Task TheEvaluationLogKeepsAHashedPatientKeyAndEachCardsFingerprint()
    {
        var call = await CallAsync(WarningPatient);

        var logged = await WaitForEvaluationAsync(call.HookInstance);

        Assert.Equal(64, logged.PatientKey?.Length);
        Assert.DoesNotContain(WarningPatient, logged.PatientKey!, StringComparison.Ordinal);
        Assert.All(logged.Cards, c => Assert.Equal(64, c.Fingerprint?.Length));
    }

    private async Task<HookCall> CallAsync(string patientId, Action<JsonObject>? change = null)
    {
        var hookInstance = Guid.NewGuid().ToString();
        var request = await HookRequests.PatientView(patientId, hookInstance).WithPrefetchAsync(client, fhir);
        change?.Invoke(request);
        using var response = await client.PostAsync("/cds-services/" + PathwayServices.PatientViewId, request.Json());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray().Select(c => c!.AsObject()).ToList();
        // The card must be in the evaluation log before feedback on it can count; the log is written off the request path.
        await WaitForEvaluationAsync(hookInstance);
        return new HookCall(hookInstance, cards);
    }

    private Task OverrideAsync(HookCall call, string rule) => PostAsync(FeedbackBodies.Overridden(call.Uuid(rule), "not-relevant"));

    private async Task PostAsync(JsonObject body)
    {
        using var response = await client.PostAsync(FeedbackBodies.Path, body.Json());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<EvaluationRecord> WaitForEvaluationAsync(string hookInstance)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await Store.ListEvaluationsAsync(hookInstance, default) is [var logged, ..])
            {
                return logged;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"hookInstance {hookInstance} never reached the evaluation log");
    }

    /// <summary>Sets the value of one Observation wherever the prefetch holds it: a new result for the same test.</summary>
    private static void SetValue(JsonObject request, string observationId, double value)
    {
        var found = request["prefetch"]!.AsObject()
            .Select(p => p.Value)
            .OfType<JsonObject>()
            .Where(b => (string?)b["resourceType"] == "Bundle")
            .SelectMany(b => b["entry"]?.AsArray() ?? [])
            .Select(e => e?["resource"])
            .OfType<JsonObject>()
            .Where(r => (string?)r["id"] == observationId)
            .ToList();
        Assert.NotEmpty(found);
        foreach (var observation in found)
        {
            observation["valueQuantity"]!["value"] = value;
        }
    }

    private sealed record HookCall(string HookInstance, IReadOnlyList<JsonObject> Cards)
    {
        public IReadOnlyList<string> Rules => [.. Cards.Select(c => (string)c["source"]!["topic"]!["code"]!)];

        public string Uuid(string rule) => (string)Card(rule)["uuid"]!;

        public string Indicator(string rule) => (string)Card(rule)["indicator"]!;

        private JsonObject Card(string rule) => Cards.Single(c => (string?)c["source"]!["topic"]!["code"] == rule);
    }
}

public sealed class SqliteRepeatSuppressionTests : RepeatSuppressionTests
{
    protected override Task<IDictionary<string, string?>> StoreSettingsAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>());

    [Fact] public Task A_card_a_clinician_overrode_is_not_shown_again_on_unchanged_inputs() => ACardAClinicianOverrodeIsNotShownAgainOnUnchangedInputs();

    [Fact] public Task A_card_a_clinician_accepted_is_not_shown_again_on_unchanged_inputs() => ACardAClinicianAcceptedIsNotShownAgainOnUnchangedInputs();

    [Fact] public Task A_card_without_feedback_is_shown_again() => ACardWithoutFeedbackIsShownAgain();

    [Fact] public Task A_new_lab_value_shows_the_card_again() => ANewLabValueShowsTheCardAgain();

    [Fact] public Task A_critical_card_is_never_suppressed() => ACriticalCardIsNeverSuppressed();

    [Fact] public Task The_card_is_shown_again_once_the_window_has_passed() => TheCardIsShownAgainOnceTheWindowHasPassed();

    [Fact] public Task The_card_stays_suppressed_inside_the_window() => TheCardStaysSuppressedInsideTheWindow();

    [Fact] public Task Feedback_at_one_fhir_server_does_not_suppress_the_card_at_another() => FeedbackAtOneFhirServerDoesNotSuppressTheCardAtAnother();

    [Fact] public Task A_suppressed_card_is_counted_by_rule_and_logged_with_its_hook_instance() => ASuppressedCardIsCountedByRuleAndLoggedWithItsHookInstance();

    [Fact] public Task The_evaluation_log_keeps_a_hashed_patient_key_and_each_cards_fingerprint() => TheEvaluationLogKeepsAHashedPatientKeyAndEachCardsFingerprint();

    [Fact]
    public async Task A_store_failure_during_the_check_shows_every_card_and_logs_the_error()
    {
        // A data folder below a regular file can never be created: every store call fails.
        var file = Path.GetTempFileName();
        var captured = new LogCapture();
        try
        {
            await using var broken = new CalcCdsFactory(new Dictionary<string, string?> { ["CalcCds:Storage:DataFolder"] = Path.Combine(file, "data") }, captured);
            using var brokenClient = broken.CreateLoopbackClient();
            await using var server = await FhirTestServer.StartAsync();
            server.LoadSample("labs-r10-hypercalcemia-si-units");
            var request = await HookRequests.PatientView("lr10a-patient").WithPrefetchAsync(brokenClient, server);

            using var response = await brokenClient.PostAsync("/cds-services/" + PathwayServices.PatientViewId, request.Json());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"R10\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains(captured.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("Repeat suppression skipped", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Suppression_is_off_when_the_window_is_zero_days()
    {
        await using var off = new CalcCdsFactory(new Dictionary<string, string?> { ["CalcCds:Pathway:RepeatSuppressionDays"] = "0" });
        using var offClient = off.CreateLoopbackClient();
        await using var server = await FhirTestServer.StartAsync();
        server.LoadSample("labs-r10-hypercalcemia-si-units");
        var request = await HookRequests.PatientView("lr10a-patient").WithPrefetchAsync(offClient, server);
        using var first = await offClient.PostAsync("/cds-services/" + PathwayServices.PatientViewId, request.Json());
        var card = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["cards"]!.AsArray()
            .Single(c => (string?)c!["source"]!["topic"]!["code"] == "R10")!;
        var store = off.Services.GetRequiredService<IFeedbackStore>();
        while ((await store.ListEvaluationsAsync((string)request["hookInstance"]!, default)).Count == 0)
        {
            await Task.Delay(25);
        }

        using (await offClient.PostAsync(FeedbackBodies.Path, FeedbackBodies.Overridden((string)card["uuid"]!, "not-relevant").Json()))
        {
        }

        request["hookInstance"] = Guid.NewGuid().ToString();
        using var again = await offClient.PostAsync("/cds-services/" + PathwayServices.PatientViewId, request.Json());

        Assert.Contains("\"R10\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class PostgresRepeatSuppressionTests : RepeatSuppressionTests
{
    private PostgresSchema? schema;

    [PostgresFact] public Task A_card_a_clinician_overrode_is_not_shown_again_on_unchanged_inputs() => ACardAClinicianOverrodeIsNotShownAgainOnUnchangedInputs();

    [PostgresFact] public Task A_card_a_clinician_accepted_is_not_shown_again_on_unchanged_inputs() => ACardAClinicianAcceptedIsNotShownAgainOnUnchangedInputs();

    [PostgresFact] public Task A_card_without_feedback_is_shown_again() => ACardWithoutFeedbackIsShownAgain();

    [PostgresFact] public Task A_new_lab_value_shows_the_card_again() => ANewLabValueShowsTheCardAgain();

    [PostgresFact] public Task A_critical_card_is_never_suppressed() => ACriticalCardIsNeverSuppressed();

    [PostgresFact] public Task The_card_is_shown_again_once_the_window_has_passed() => TheCardIsShownAgainOnceTheWindowHasPassed();

    [PostgresFact] public Task The_card_stays_suppressed_inside_the_window() => TheCardStaysSuppressedInsideTheWindow();

    [PostgresFact] public Task Feedback_at_one_fhir_server_does_not_suppress_the_card_at_another() => FeedbackAtOneFhirServerDoesNotSuppressTheCardAtAnother();

    [PostgresFact] public Task A_suppressed_card_is_counted_by_rule_and_logged_with_its_hook_instance() => ASuppressedCardIsCountedByRuleAndLoggedWithItsHookInstance();

    [PostgresFact] public Task The_evaluation_log_keeps_a_hashed_patient_key_and_each_cards_fingerprint() => TheEvaluationLogKeepsAHashedPatientKeyAndEachCardsFingerprint();

    protected override async Task<IDictionary<string, string?>> StoreSettingsAsync()
    {
        if (PostgresFactAttribute.ConnectionString is null)
        {
            // Every test here is a [PostgresFact] and skips; the host starts on SQLite so set-up still succeeds.
            return new Dictionary<string, string?>();
        }

        schema = await PostgresSchema.CreateAsync();
        return new Dictionary<string, string?>
        {
            ["CalcCds:Storage:Provider"] = "PostgreSql",
            ["CalcCds:Storage:PostgreSqlConnectionString"] = schema.ConnectionString,
        };
    }

    protected override async Task CleanUpStoreAsync()
    {
        if (schema is not null)
        {
            await schema.DisposeAsync();
        }
    }
}
