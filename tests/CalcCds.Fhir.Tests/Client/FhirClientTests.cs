using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using CalcCds.Fhir.Client;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Tests.Client;

public sealed class FhirClientTests : IDisposable
{
    private const string Token = "secret-token-123";

    private static readonly string PatientJson = FhirJson.Serialize(new Patient { Id = "123", BirthDate = FhirDateTime.Parse("1970-01-01") });

    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private FhirClient ClientFor(TinyFhirServer server, string? token = Token, FhirClientOptions? options = null) =>
        new(_http, server.BaseUrl, token, options ?? new FhirClientOptions());

    [Fact]
    public async Task Read_returns_the_typed_resource()
    {
        await using var server = await TinyFhirServer.ServingAsync(PatientJson);

        var patient = await ClientFor(server).ReadAsync<Patient>("Patient", "123", CancellationToken.None);

        Assert.Equal("123", patient.Id);
        Assert.Equal("/fhir/Patient/123", Assert.Single(server.Requests).Url);
    }

    [Fact]
    public async Task Request_asks_for_fhir_json()
    {
        await using var server = await TinyFhirServer.ServingAsync(PatientJson);

        await ClientFor(server).GetAsync("Patient/123", CancellationToken.None);

        Assert.Equal("application/fhir+json", Assert.Single(server.Requests).Accept);
    }

    [Fact]
    public async Task Bearer_token_is_sent()
    {
        await using var server = await TinyFhirServer.ServingAsync(PatientJson);

        await ClientFor(server).GetAsync("Patient/123", CancellationToken.None);

        Assert.Equal($"Bearer {Token}", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task No_authorization_header_without_a_token()
    {
        await using var server = await TinyFhirServer.ServingAsync(PatientJson);

        await ClientFor(server, token: null).GetAsync("Patient/123", CancellationToken.None);

        Assert.Null(Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Search_merges_all_three_pages()
    {
        await using var server = await PagingServerAsync(pages: 3);

        var bundle = await ClientFor(server).SearchAsync("Condition", [new("patient", "123")], CancellationToken.None);

        Assert.Equal(["c1", "c2", "c3"], bundle.Entry!.Select(e => e.Resource!.Id));
        Assert.Equal(3, server.Requests.Count);
        Assert.DoesNotContain(bundle.Link!, l => l.Relation == "next");
    }

    [Fact]
    public async Task Search_stops_at_the_page_limit_and_keeps_the_next_link()
    {
        await using var server = await PagingServerAsync(pages: 3);

        var bundle = (Bundle)(await ClientFor(server, options: new FhirClientOptions { MaxPages = 2 })
            .GetAsync("Condition?patient=123", CancellationToken.None))!;

        Assert.Equal(["c1", "c2"], bundle.Entry!.Select(e => e.Resource!.Id));
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(bundle.Link!, l => l.Relation == "next");
    }

    [Fact]
    public async Task Next_link_to_another_server_is_not_followed()
    {
        await using var elsewhere = await TinyFhirServer.ServingAsync(SearchPage("x", next: null));
        var foreignNext = new Uri(elsewhere.BaseUrl, "Condition?page=2").AbsoluteUri;
        await using var server = await TinyFhirServer.ServingAsync(SearchPage("c1", foreignNext));

        var error = await Assert.ThrowsAsync<FhirClientException>(
            () => ClientFor(server).GetAsync("Condition?patient=123", CancellationToken.None));

        Assert.Equal(FhirClientErrorKind.InvalidResponse, error.Kind);
        Assert.Empty(elsewhere.Requests);
    }

    [Theory]
    [InlineData(401, FhirClientErrorKind.Unauthorized)]
    [InlineData(403, FhirClientErrorKind.Forbidden)]
    [InlineData(404, FhirClientErrorKind.NotFound)]
    [InlineData(429, FhirClientErrorKind.TooManyRequests)]
    [InlineData(500, FhirClientErrorKind.ServerError)]
    [InlineData(503, FhirClientErrorKind.ServerError)]
    [InlineData(418, FhirClientErrorKind.OtherStatus)]
    public async Task Error_status_maps_to_its_kind(int status, FhirClientErrorKind kind)
    {
        await using var server = await TinyFhirServer.ServingAsync("""{"resourceType":"OperationOutcome"}""", status);

        var error = await Assert.ThrowsAsync<FhirClientException>(
            () => ClientFor(server).GetAsync("Patient/123", CancellationToken.None));

        Assert.Equal((kind, status, "Patient/123"), (error.Kind, error.StatusCode, error.Url));
    }

    [Fact]
    public async Task Error_message_never_contains_the_token()
    {
        await using var server = await TinyFhirServer.ServingAsync("{}", 401);

        var error = await Assert.ThrowsAsync<FhirClientException>(
            () => ClientFor(server).GetAsync("Patient/123", CancellationToken.None));

        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_json_body_is_an_invalid_response()
    {
        await using var server = await TinyFhirServer.StartAsync(
            (context, _) => TinyFhirServer.RespondAsync(context, "<html>login</html>", contentType: "text/html"));

        var error = await Assert.ThrowsAsync<FhirClientException>(
            () => ClientFor(server).GetAsync("Patient/123", CancellationToken.None));

        Assert.Equal(FhirClientErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task Json_that_is_not_fhir_is_an_invalid_response()
    {
        await using var server = await TinyFhirServer.ServingAsync("""{"hello":"world"}""");

        var error = await Assert.ThrowsAsync<FhirClientException>(
            () => ClientFor(server).GetAsync("Patient/123", CancellationToken.None));

        Assert.Equal(FhirClientErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task Read_of_the_wrong_resource_type_is_an_invalid_response()
    {
        await using var server = await TinyFhirServer.ServingAsync("""{"resourceType":"Observation","status":"final"}""");

        var error = await Assert.ThrowsAsync<FhirClientException>(
            () => ClientFor(server).ReadAsync<Patient>("Patient", "123", CancellationToken.None));

        Assert.Equal(FhirClientErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task Slow_server_is_a_timeout()
    {
        await using var server = await TinyFhirServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            await TinyFhirServer.RespondAsync(context, PatientJson);
        });
        var options = new FhirClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) };

        var error = await Assert.ThrowsAsync<FhirClientException>(
            () => ClientFor(server, options: options).GetAsync("Patient/123", CancellationToken.None));

        Assert.Equal(FhirClientErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task Caller_cancellation_propagates_as_cancellation_not_timeout()
    {
        await using var server = await TinyFhirServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            await TinyFhirServer.RespondAsync(context, PatientJson);
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ClientFor(server).GetAsync("Patient/123", cancel.Token));
    }

    [Fact]
    public async Task Refused_connection_is_unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens on this port now
        var client = new FhirClient(_http, new Uri($"http://127.0.0.1:{port}/fhir"), Token, new FhirClientOptions());

        var error = await Assert.ThrowsAsync<FhirClientException>(() => client.GetAsync("Patient/123", CancellationToken.None));

        Assert.Equal(FhirClientErrorKind.Unreachable, error.Kind);
    }

    [Fact]
    public async Task Dropped_connection_is_unreachable()
    {
        await using var server = await TinyFhirServer.StartAsync((context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<FhirClientException>(
            () => ClientFor(server).GetAsync("Patient/123", CancellationToken.None));

        Assert.Equal(FhirClientErrorKind.Unreachable, error.Kind);
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        Assert.Throws<ValidationException>(
            () => new FhirClient(_http, new Uri("http://127.0.0.1/fhir"), null, new FhirClientOptions { MaxPages = 0 }));
    }

    [Fact]
    public async Task Absolute_url_is_refused_so_the_token_stays_home()
    {
        await using var server = await TinyFhirServer.ServingAsync(PatientJson);

        await Assert.ThrowsAsync<ArgumentException>(
            () => ClientFor(server).GetAsync("http://example.org/Patient/1", CancellationToken.None));
    }

    // Page n links to page n+1 on the same server; entries are c1..cN.
    private static Task<TinyFhirServer> PagingServerAsync(int pages) =>
        TinyFhirServer.StartAsync((context, server) =>
        {
            var page = int.TryParse(context.Request.Query["page"], out var p) ? p : 1;
            var next = page < pages ? new Uri(server.BaseUrl, $"Condition?patient=123&page={page + 1}").AbsoluteUri : null;
            return TinyFhirServer.RespondAsync(context, SearchPage($"c{page}", next));
        });

    private static string SearchPage(string conditionId, string? next) => FhirJson.Serialize(new Bundle
    {
        Type = "searchset",
        Link = next is null ? [new BundleLink { Relation = "self", Url = "http://self" }]
            : [new BundleLink { Relation = "self", Url = "http://self" }, new BundleLink { Relation = "next", Url = next }],
        Entry = [new BundleEntry { Resource = new Condition { Id = conditionId, Subject = new ResourceReference { Reference = "Patient/123" } } }],
    });
}
