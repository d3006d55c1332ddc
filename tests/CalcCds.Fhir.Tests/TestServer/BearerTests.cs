using System.Net;

namespace CalcCds.Fhir.Tests.TestServer;

public sealed class BearerTests : ServerTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.AddResource(TestResources.Patient("p1"));
        Server.RequiredBearerToken = "token-123";
    }

    [Fact]
    public async Task Request_without_authorization_is_401_with_operation_outcome()
    {
        using var response = await Http.SendAsync(Get("Patient/p1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("login", (string?)(await ReadJsonAsync(response))["issue"]![0]!["code"]);
    }

    [Fact]
    public async Task Request_with_wrong_token_is_401()
    {
        using var response = await Http.SendAsync(Get("Patient/p1", bearer: "token-999"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_with_another_scheme_is_401()
    {
        using var request = Get("Patient/p1");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dG9rZW4tMTIzOg==");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_with_the_required_token_is_served()
    {
        using var response = await Http.SendAsync(Get("Patient/p1", bearer: "token-123"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Searches_are_protected_too()
    {
        using var response = await Http.SendAsync(Get("Observation?patient=p1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Clearing_the_token_opens_the_server()
    {
        Server.RequiredBearerToken = null;

        using var response = await Http.SendAsync(Get("Patient/p1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
