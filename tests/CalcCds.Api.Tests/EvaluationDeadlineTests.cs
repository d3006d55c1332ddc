using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Security;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using CalcCds.Testing.Fhir;
using Microsoft.Extensions.Logging;

namespace CalcCds.Api.Tests;

/// <summary>
/// CalcCds:CdsHooks:EvaluationDeadline: prefetch gaps still being fetched when it runs out are cancelled and the call
/// answers 412 (timeout) in time. The FHIR server here stalls for a minute, far beyond the 3 s deadline, so the
/// timing assertions only need "well under the FHIR delay" and cannot flake on a slow machine.
/// </summary>
public sealed class EvaluationDeadlineTests : IAsyncLifetime
{
    private const string PatientView = "/cds-services/" + PathwayServices.PatientViewId;
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    private readonly LogCapture logs = new();
    private readonly CalcCdsFactory factory;
    private FhirTestServer fhir = null!;
    private HttpClient client = null!;

    public EvaluationDeadlineTests()
    {
        factory = new CalcCdsFactory(
            new Dictionary<string, string?>
            {
                ["CalcCds:CdsHooks:EvaluationDeadline"] = "00:00:03",
                ["CalcCds:FhirClient:RequestTimeout"] = "00:02:00", // so only the deadline can stop the stalled fetch
            },
            logs);
    }

    public async Task InitializeAsync()
    {
        fhir = await FhirTestServer.StartAsync(new FhirTestServerOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(200) });
        fhir.LoadSample("narrative-only-right-calf");
        client = factory.CreateLoopbackClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await fhir.DisposeAsync();
    }

    private static JsonObject EmptyPrefetchCall(FhirTestServer server, string hookInstance = "5d0e8f2a-6a51-4c39-9d1c-3f1f5c2d1a10") =>
        HookRequests.PatientView("nrc-patient", hookInstance).WithFhirServer(server);

    [Fact]
    public async Task FetchPastTheDeadlineAnswers412TimeoutNamingTheUnfilledKey()
    {
        fhir.Faults.ForResourceType("Condition", FaultAction.Delay(Stall));

        using var response = await client.PostAsync(PatientView, EmptyPrefetchCall(fhir).Json());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("OperationOutcome", (string?)body["resourceType"]);
        var issue = Assert.Single(body["issue"]!.AsArray());
        Assert.Equal("timeout", (string?)issue!["code"]);
        Assert.Equal("prefetch.conditions", (string?)issue["expression"]![0]);
    }

    [Fact]
    public async Task FetchPastTheDeadlineIsAnsweredWellBeforeTheFhirServerWould()
    {
        fhir.Faults.ForResourceType("Condition", FaultAction.Delay(Stall));
        var clock = Stopwatch.StartNew();

        using var response = await client.PostAsync(PatientView, EmptyPrefetchCall(fhir).Json());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.True(clock.Elapsed < Stall / 2, $"answered after {clock.Elapsed}, the FHIR server stalls for {Stall}");
    }

    [Fact]
    public async Task FetchPastTheDeadlineIsCancelled()
    {
        fhir.Faults.ForResourceType("Condition", FaultAction.Delay(Stall));

        using var response = await client.PostAsync(PatientView, EmptyPrefetchCall(fhir).Json());
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);

        // The test server records a request it never answered (connection aborted by the client) with no status.
        var aborted = await WaitForAsync(() => fhir.Requests.FirstOrDefault(r => r.ResourceType == "Condition" && r.EndedAt is not null));
        Assert.NotNull(aborted);
        Assert.Null(aborted.StatusCode);
    }

    [Fact]
    public async Task FetchPastTheDeadlineIsLoggedWithTheHookInstance()
    {
        fhir.Faults.ForResourceType("Condition", FaultAction.Delay(Stall));
        const string hookInstance = "0b8f3d4e-2c1a-4e59-8a77-6a3c9e1d2f40";

        using var response = await client.PostAsync(PatientView, EmptyPrefetchCall(fhir, hookInstance).Json());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning
            && e.Text.Contains(hookInstance, StringComparison.Ordinal)
            && e.Text.Contains("conditions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchesFasterThanTheDeadlineStillGiveCards()
    {
        fhir.Faults.ForAll(FaultAction.Delay(TimeSpan.FromMilliseconds(50)));

        using var response = await client.PostAsync(PatientView, EmptyPrefetchCall(fhir).Json());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(body["cards"]!.AsArray(), c => (string?)c!["source"]!["topic"]!["code"] == "DQ1");
    }

    private static async Task<T?> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(50))
        {
            if (probe() is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
