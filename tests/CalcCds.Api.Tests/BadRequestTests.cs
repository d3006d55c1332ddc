using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CalcCds.Api.Tests;

/// <summary>A client's mistake is a 400 (or 404/415) with an OperationOutcome that names it — never a 500.</summary>
public sealed class BadRequestTests : IDisposable
{
    private const string PatientView = "/cds-services/" + PathwayServices.PatientViewId;

    private readonly CalcCdsFactory factory = new(new Dictionary<string, string?> { ["CalcCds:CdsHooks:MaxRequestBodyBytes"] = "65536" });

    public void Dispose() => factory.Dispose();

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostRawAsync(string body, string path = PatientView, string contentType = "application/json")
    {
        using var client = factory.CreateLoopbackClient();
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(text)!);
    }

    private static void AssertOutcome(JsonNode body, string? expression = null)
    {
        Assert.Equal("OperationOutcome", (string?)body["resourceType"]);
        var issues = body["issue"]!.AsArray();
        Assert.NotEmpty(issues);
        Assert.All(issues, i => Assert.False(string.IsNullOrWhiteSpace((string?)i!["diagnostics"])));
        if (expression is not null)
        {
            Assert.Contains(issues, i => (string?)i!["expression"]?[0] == expression);
        }

        Assert.DoesNotContain(" at CalcCds.", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientThatResetsMidBodyIsNeverA500NorLoggedAsAFailure()
    {
        // Kestrel closes such a connection without sending our answer, so the verdict is read from the log and from
        // this host's own request metric (http.server.request.duration is recorded once the request has ended).
        var logs = new Security.LogCapture();
        await using var host = new CalcCdsFactory(loggerProvider: logs);
        using var client = host.CreateLoopbackClient();
        var ended = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var meters = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "http.server.request.duration" && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "http.response.status_code")
                {
                    ended.TrySetResult(Convert.ToInt32(tag.Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        });
        listener.Start();

        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
            var stream = tcp.GetStream();
            const string head = "POST " + PatientView + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + """{"hook":"patient-view","hookInstance":"""));
            await Task.Delay(200); // usually the handler is reading the body by now
            tcp.LingerState = new System.Net.Sockets.LingerOption(true, 0); // the client gives up mid-body: RST
        }

        var status = await ended.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Two verdicts are right, depending on whether Kestrel sees the short body or the reset first: a 400 for the
        // short body (logged as a refusal), or a call abandoned because the EHR went away (nothing to answer or log).
        // Never a 500, never an error in the log.
        var refused = logs.Entries.Any(e => e.Text.Contains("refused with 400", StringComparison.Ordinal));
        Assert.True(refused || status != StatusCodes.Status400BadRequest, $"status {status} without the refusal in the log");
        Assert.NotEqual(StatusCodes.Status500InternalServerError, status);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    public static TheoryData<string, string?> BadBodies() => new()
    {
        { "{not json", null },
        { "", null },
        { "[]", null },
        { "null", null },
        { """{"hook":"order-sign","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p"}}""", "hook" },
        { """{"hook":"patient-view","context":{"userId":"Practitioner/1","patientId":"p"}}""", "hookInstance" },
        { """{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1"}}""", "context.patientId" },
        { """{"hook":"patient-view","hookInstance":"x"}""", "context" },
        { """{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":123}}""", "context.patientId" },
        { """{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p"},"fhirAuthorization":{"access_token":"t","token_type":"Bearer"}}""", "fhirServer" },
        { """{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p"},"prefetch":{"patient":{"resourceType":"Patient","birthDate":"1970-13-45"}}}""", "prefetch.patient" },
        { """{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p"},"prefetch":{"labs":{"resourceType":"NoSuchType"}}}""", "prefetch.labs" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadRequestIs400WithAnOperationOutcomeNamingTheProblem(string body, string? expression)
    {
        var (status, outcome) = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertOutcome(outcome, expression);
    }

    [Fact]
    public async Task OversizeBodyIs400()
    {
        var huge = """{"hook":"patient-view","hookInstance":"x","padding":""" + "\"" + new string('a', 70_000) + "\"}";

        var (status, outcome) = await PostRawAsync(huge);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertOutcome(outcome);
        Assert.Equal("too-costly", (string?)outcome["issue"]![0]!["code"]);
    }

    [Fact]
    public async Task OversizeBodyWithoutContentLengthIs400WhenTheLimitIsPassed()
    {
        // Sent chunked (no Content-Length), so only the byte count while reading can refuse it.
        var huge = Encoding.UTF8.GetBytes("""{"hook":"patient-view","hookInstance":"x","padding":""" + "\"" + new string('a', 70_000) + "\"}");
        // A plain client: the factory's own buffers request content (to replay it on redirects) and so sends a length.
        using var factoryClient = factory.CreateLoopbackClient();
        using var client = new HttpClient { BaseAddress = factoryClient.BaseAddress };
        using var content = new UnknownLengthContent(huge);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(PatientView, content);
        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertOutcome(outcome);
        Assert.Equal("too-costly", (string?)outcome["issue"]![0]!["code"]);
    }

    [Fact]
    public async Task TooDeeplyNestedJsonIs400()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        var (status, outcome) = await PostRawAsync(deep);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertOutcome(outcome);
    }

    [Fact]
    public async Task NonJsonContentTypeIs415()
    {
        var (status, outcome) = await PostRawAsync("hook=patient-view", contentType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        AssertOutcome(outcome);
    }

    [Theory]
    [InlineData("/cds-services/no-such-service")]
    [InlineData("/cds-services/no-such-service/feedback")]
    public async Task UnknownServiceIs404(string path)
    {
        var (status, outcome) = await PostRawAsync("{}", path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertOutcome(outcome, "id");
    }

    /// <summary>A body whose length the client does not know in advance, as a streaming sender's: sent chunked.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
