using System.Net;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using CalcCds.Testing.Fhir;

namespace CalcCds.Api.Tests;

/// <summary>Service calls through the real HTTP pipeline, with a real FHIR test server on loopback.</summary>
public sealed class ServiceCallTests : IAsyncLifetime
{
    private const string PatientView = "/cds-services/" + PathwayServices.PatientViewId;
    private const string NarrativePatient = "nrc-patient";

    private readonly CalcCdsFactory factory = new();
    private FhirTestServer fhir = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        fhir = await FhirTestServer.StartAsync();
        fhir.LoadSample("narrative-only-right-calf");
        client = factory.CreateLoopbackClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await fhir.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(JsonNode request, string path = PatientView)
    {
        using var response = await client.PostAsync(path, request.Json());
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static JsonArray Cards(JsonNode? body) => body!["cards"]!.AsArray();

    [Fact]
    public async Task NarrativeOnlyReportWithFullPrefetchGivesTheDq1CardWithItsFacts()
    {
        var request = await HookRequests.PatientView(NarrativePatient).WithPrefetchAsync(client, fhir);
        fhir.ClearRequests();

        var (status, body) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(Cards(body), c => (string?)c!["source"]!["topic"]!["code"] == "DQ1")!;
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.True(((string)card["summary"]!).Length < 140);
        var detail = (string)card["detail"]!;
        Assert.Contains("DiagnosticReport/", detail, StringComparison.Ordinal);
        Assert.Contains("right calf", detail, StringComparison.Ordinal);
        Assert.Contains("depth relative to the deep fascia", detail, StringComparison.Ordinal);
        Assert.Equal("http://calccds.org/fhir/CodeSystem/cds-rule", (string?)card["source"]!["topic"]!["system"]);
        Assert.Empty(fhir.Requests); // everything was prefetched: nothing fetched
    }

    [Fact]
    public async Task CardTextIsWrittenAsPlainUtf8WithoutUnicodeEscapes()
    {
        // The load harness's full chart: its cards (R01's "size ≥ 5 cm"...) carry non-ASCII text.
        var body = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "bench", "fixtures", "patient-view-100k.json"));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(PatientView, content);
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(raw, c => c > 127); // non-ASCII characters...
        Assert.DoesNotContain("\\u", raw, StringComparison.Ordinal); // ...sent as themselves
        Assert.NotNull(JsonNode.Parse(raw));
    }

    [Fact]
    public async Task PartialPrefetchIsCompletedFromTheFhirServerWithTheAccessToken()
    {
        var request = (await HookRequests.PatientView(NarrativePatient).WithPrefetchAsync(client, fhir, "patient", "radReports")).WithFhirServer(fhir);
        fhir.ClearRequests();

        var (status, body) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Cards(body), c => (string?)c!["source"]!["topic"]!["code"] == "DQ1");
        Assert.DoesNotContain(fhir.Requests, r => r.ResourceType is "Patient" or "DiagnosticReport");
        Assert.Contains(fhir.Requests, r => r.ResourceType == "Condition");
        Assert.All(fhir.Requests, r => Assert.Equal("fhir-access-token-123", r.BearerToken));
    }

    [Fact]
    public async Task GapsAreFetchedConcurrently()
    {
        fhir.Faults.ForAll(FaultAction.Delay(TimeSpan.FromMilliseconds(300)));
        var request = HookRequests.PatientView(NarrativePatient).WithFhirServer(fhir);

        var (status, _) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(fhir.MaxConcurrentRequests > 1, $"requests overlapped at most {fhir.MaxConcurrentRequests} at a time");
    }

    [Fact]
    public async Task NullAndEmptyBundleAnswersAreHonouredWithoutFetching()
    {
        var request = await HookRequests.PatientView(NarrativePatient).WithPrefetchAsync(client, fhir);
        var prefetch = request["prefetch"]!.AsObject();
        prefetch["patient"] = null;
        prefetch["conditions"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = 0 };
        request.WithFhirServer(fhir);
        fhir.ClearRequests();

        var (status, _) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(fhir.Requests);
    }

    [Fact]
    public async Task OperationOutcomeInPrefetchIsAGapThatIsFetched()
    {
        var request = await HookRequests.PatientView(NarrativePatient).WithPrefetchAsync(client, fhir);
        request["prefetch"]!["conditions"] = JsonNode.Parse("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout"}]}""");
        request.WithFhirServer(fhir);
        fhir.ClearRequests();

        var (status, _) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        var fetched = Assert.Single(fhir.Requests);
        Assert.Equal("Condition", fetched.ResourceType);
    }

    [Fact]
    public async Task MissingPrefetchWithoutFhirServerIs412NamingTheKey()
    {
        var request = await HookRequests.PatientView(NarrativePatient).WithPrefetchAsync(client, fhir);
        request["prefetch"]!.AsObject().Remove("labs");

        var (status, body) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal("OperationOutcome", (string?)body!["resourceType"]);
        Assert.Contains(body["issue"]!.AsArray(), i => (string?)i!["expression"]![0] == "prefetch.labs");
    }

    public static TheoryData<string> FhirServerFaults() => ["401", "403", "500", "429", "non-json", "not-fhir", "drop", "timeout"];

    [Theory]
    [MemberData(nameof(FhirServerFaults))]
    public async Task FhirServerFailureWhileFillingAGapIs412(string fault)
    {
        fhir.Faults.ForResourceType("Condition", fault switch
        {
            "non-json" => FaultAction.NonJsonBody,
            "not-fhir" => FaultAction.NotFhirJson,
            "drop" => FaultAction.DropConnection,
            "timeout" => FaultAction.Delay(TimeSpan.FromSeconds(30)),
            _ => FaultAction.Status(int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture)),
        });
        await using var fastTimeout = new CalcCdsFactory(new Dictionary<string, string?> { ["CalcCds:FhirClient:RequestTimeout"] = "00:00:01" });
        using var timeoutClient = fastTimeout.CreateLoopbackClient();
        var request = HookRequests.PatientView(NarrativePatient).WithFhirServer(fhir);

        using var response = await timeoutClient.PostAsync(PatientView, request.Json());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains(body["issue"]!.AsArray(), i => (string?)i!["expression"]![0] == "prefetch.conditions");
        Assert.DoesNotContain("fhir-access-token-123", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardUuidsAreStableForTheSameHookInstance()
    {
        var request = await HookRequests.PatientView(NarrativePatient, "5d1a2c58-4b0e-4c1f-9a43-0a9d7a9f0b11").WithPrefetchAsync(client, fhir);

        var (_, first) = await PostAsync(request);
        var (_, second) = await PostAsync(request);
        request["hookInstance"] = "0b6f3f7e-8a3b-4d5e-9f00-6c1d2e3f4a5b";
        var (_, other) = await PostAsync(request);

        Assert.Equal((string?)Cards(first)[0]!["uuid"], (string?)Cards(second)[0]!["uuid"]);
        Assert.NotEqual((string?)Cards(first)[0]!["uuid"], (string?)Cards(other)[0]!["uuid"]);
    }

    [Fact]
    public async Task ResponsesOmitAbsentFields()
    {
        var request = await HookRequests.PatientView(NarrativePatient).WithPrefetchAsync(client, fhir);

        using var response = await client.PostAsync(PatientView, request.Json());
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(":null", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("[]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoIndexFindingGivesAnEmptyCardsArray()
    {
        fhir.LoadSample("negated-report-no-calcification");
        var request = await HookRequests.PatientView("neg-patient").WithPrefetchAsync(client, fhir);

        using var response = await client.PostAsync(PatientView, request.Json());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConcurrentCallsEachGetTheirOwnCardsInOneBodyWithItsContentLength()
    {
        // The cards are serialized into a buffer the thread reuses: calls interleaved on few threads must never see
        // each other's bytes, and each answer says its length instead of being sent chunked.
        fhir.LoadSample("bone-destruction-right-leg");
        fhir.LoadSample("coded-finding-complete-left-thigh");
        JsonNode[] requests =
        [
            await HookRequests.PatientView(NarrativePatient).WithPrefetchAsync(client, fhir),
            await HookRequests.PatientView("agg-patient").WithPrefetchAsync(client, fhir),
            await HookRequests.PatientView("cflt-patient").WithPrefetchAsync(client, fhir),
        ];
        var expected = new List<string>();
        foreach (var request in requests)
        {
            using var response = await client.PostAsync(PatientView, request.Json());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Assert.Null(response.Headers.TransferEncodingChunked);
            expected.Add(System.Text.Encoding.UTF8.GetString(bytes));
        }

        Assert.Equal(3, expected.Distinct(StringComparer.Ordinal).Count());

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            using var response = await client.PostAsync(PatientView, requests[i % 3].Json());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            return (Index: i % 3, Text: System.Text.Encoding.UTF8.GetString(bytes));
        }));

        Assert.All(answers, a => Assert.Equal(expected[a.Index], a.Text));
    }
}
