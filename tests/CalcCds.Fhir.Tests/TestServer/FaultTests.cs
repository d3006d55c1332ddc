using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CalcCds.Testing.Fhir;

namespace CalcCds.Fhir.Tests.TestServer;

public sealed class FaultTests : ServerTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.AddResource(TestResources.Patient("p1"));
    }

    [Fact]
    public async Task Delay_postpones_a_normal_response()
    {
        Server.Faults.ForAll(FaultAction.Delay(TimeSpan.FromMilliseconds(300)));
        var clock = Stopwatch.StartNew();

        var patient = await GetJsonAsync("Patient/p1");

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), $"took {clock.Elapsed}");
        Assert.Equal("p1", (string?)patient["id"]);
    }

    [Fact]
    public async Task Delay_ends_when_the_client_gives_up()
    {
        Server.Faults.ForAll(FaultAction.Delay(TimeSpan.FromSeconds(30)));
        using var client = new HttpClient { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => client.GetAsync(new Uri("Patient/p1", UriKind.Relative)));

        var recorded = await WaitForEndAsync();
        Assert.Null(recorded.StatusCode);
        Assert.True(recorded.EndedAt - recorded.StartedAt < TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(401, "login")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "not-found")]
    [InlineData(429, "throttled")]
    [InlineData(500, "exception")]
    [InlineData(503, "transient")]
    public async Task Status_fault_answers_that_status_with_an_operation_outcome(int status, string issueCode)
    {
        Server.Faults.ForAll(FaultAction.Status(status));

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        var outcome = await ReadJsonAsync(response);
        Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
        Assert.Equal(issueCode, (string?)outcome["issue"]![0]!["code"]);
    }

    [Fact]
    public async Task Status_429_carries_retry_after()
    {
        Server.Faults.ForAll(FaultAction.Status(429, retryAfter: TimeSpan.FromSeconds(3)));

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task NonJsonBody_answers_200_with_html()
    {
        Server.Faults.ForAll(FaultAction.NonJsonBody);

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task NotFhirJson_answers_200_with_json_that_has_no_resource_type()
    {
        Server.Faults.ForAll(FaultAction.NotFhirJson);

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(json["resourceType"]);
    }

    [Fact]
    public async Task DropConnection_aborts_without_a_response()
    {
        Server.Faults.ForAll(FaultAction.DropConnection);

        await Assert.ThrowsAsync<HttpRequestException>(() => Http.GetAsync(new Uri("Patient/p1", UriKind.Relative)));
        Assert.Equal("drop-connection", Server.Requests.Single().Fault);
    }

    [Fact]
    public async Task Limit_applies_the_fault_to_the_first_n_matching_requests_only()
    {
        var rule = Server.Faults.ForAll(FaultAction.Status(503), limit: 2);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([503, 503, 200], statuses);
        Assert.Equal(2, rule.Applied);
    }

    [Fact]
    public async Task Rule_for_a_resource_type_leaves_other_types_alone()
    {
        Server.Faults.ForResourceType("Observation", FaultAction.Status(500));

        using var observations = await Http.GetAsync(new Uri("Observation?patient=p1", UriKind.Relative));
        using var patient = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, observations.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patient.StatusCode);
    }

    [Fact]
    public async Task Rule_with_a_custom_predicate_matches_on_query()
    {
        Server.Faults.Add(r => r.QueryValue("category") == "laboratory", FaultAction.Status(403));

        using var labs = await Http.GetAsync(new Uri("Observation?patient=p1&category=laboratory", UriKind.Relative));
        using var imaging = await Http.GetAsync(new Uri("Observation?patient=p1&category=imaging", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, labs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imaging.StatusCode);
    }

    [Fact]
    public async Task Path_prefix_rule_matches_below_the_fhir_base()
    {
        Server.Faults.ForPathPrefix("Patient/p1", FaultAction.Status(404));

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Clear_removes_every_rule()
    {
        Server.Faults.ForAll(FaultAction.Status(500));
        Server.Faults.Clear();

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Faults_come_before_the_bearer_check()
    {
        Server.RequiredBearerToken = "secret";
        Server.Faults.ForAll(FaultAction.Status(503), limit: 1);

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private async Task<RecordedRequest> WaitForEndAsync()
    {
        // The server notices the abort a moment after the client gave up.
        for (var i = 0; i < 100; i++)
        {
            if (Server.Requests.SingleOrDefault() is { EndedAt: not null } done)
            {
                return done;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The aborted request was never marked ended.");
    }
}
