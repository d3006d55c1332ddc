using CalcCds.Testing.Fhir;

namespace CalcCds.Fhir.Tests.TestServer;

public sealed class RecordingTests : ServerTest
{
    [Fact]
    public async Task Request_is_recorded_with_method_path_query_and_token()
    {
        using var response = await Http.SendAsync(Get("Observation?patient=p1&category=laboratory", bearer: "abc"));

        var recorded = Server.Requests.Single();
        Assert.Equal("GET", recorded.Method);
        Assert.Equal("/fhir/Observation", recorded.Path);
        Assert.Equal("Observation", recorded.RelativePath);
        Assert.Equal("Observation", recorded.ResourceType);
        Assert.Equal("?patient=p1&category=laboratory", recorded.QueryString);
        Assert.Equal("laboratory", recorded.QueryValue("category"));
        Assert.True(recorded.HasAuthorization);
        Assert.Equal("abc", recorded.BearerToken);
        Assert.Equal(200, recorded.StatusCode);
    }

    [Fact]
    public async Task Request_without_authorization_is_recorded_as_such()
    {
        using var response = await Http.SendAsync(Get("Patient/p1"));

        var recorded = Server.Requests.Single();
        Assert.False(recorded.HasAuthorization);
        Assert.Null(recorded.BearerToken);
        Assert.Equal(404, recorded.StatusCode);
    }

    [Fact]
    public async Task Request_is_ended_by_the_time_the_client_has_the_response()
    {
        using var response = await Http.SendAsync(Get("Patient/p1"));

        var recorded = Server.Requests.Single();
        Assert.NotNull(recorded.EndedAt);
        Assert.True(recorded.EndedAt >= recorded.StartedAt);
    }

    [Fact]
    public async Task Requests_are_recorded_in_arrival_order()
    {
        foreach (var path in new[] { "Patient/a", "Patient/b", "Condition?patient=a" })
        {
            using var response = await Http.SendAsync(Get(path));
        }

        Assert.Equal(["Patient/a", "Patient/b", "Condition"], Server.Requests.Select(r => r.RelativePath));
    }

    [Fact]
    public async Task Parallel_requests_are_observed_as_concurrent()
    {
        Server.Faults.ForAll(FaultAction.Delay(TimeSpan.FromMilliseconds(400)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Http.SendAsync(Get("Patient/p" + i))));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(4, Server.MaxConcurrentRequests);
        var requests = Server.Requests;
        Assert.True(requests.Max(r => r.StartedAt) < requests.Min(r => r.EndedAt), "all four were in flight together");
    }

    [Fact]
    public async Task Sequential_requests_are_never_observed_as_concurrent()
    {
        for (var i = 0; i < 5; i++)
        {
            using var response = await Http.SendAsync(Get("Patient/p" + i));
        }

        Assert.Equal(1, Server.MaxConcurrentRequests);
    }

    [Fact]
    public async Task ClearRequests_forgets_history_and_the_concurrency_mark()
    {
        using (var response = await Http.SendAsync(Get("Patient/p1")))
        {
            Assert.Single(Server.Requests);
        }

        Server.ClearRequests();

        Assert.Empty(Server.Requests);
        Assert.Equal(0, Server.MaxConcurrentRequests);
    }
}
