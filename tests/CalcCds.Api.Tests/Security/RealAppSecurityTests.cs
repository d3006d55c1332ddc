using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;

namespace CalcCds.Api.Tests.Security;

/// <summary>The security layer as wired in Program.cs: the CDS routes need a signed EHR token; health does not.</summary>
public sealed class RealAppSecurityTests : IDisposable
{
    private const string Issuer = "https://ehr.example.org";

    private readonly TestSigningKey key = TestSigningKey.Ec();
    private readonly CalcCdsFactory factory;
    private readonly HttpClient client;

    public RealAppSecurityTests()
    {
        var config = new SecurityConfig().Set("Mode", "Jwt").Issuer(Issuer, jwks: TestSigningKey.Jwks(key));
        factory = new CalcCdsFactory(config.Values.ToDictionary());
        client = factory.CreateLoopbackClient();
    }

    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
        key.Dispose();
    }

    private string TokenFor(string path) =>
        TestToken.For(Issuer, new Uri(client.BaseAddress!, path).ToString(), factory.Clock.GetUtcNow()).Sign(key);

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task DiscoveryWithoutATokenIs401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/cds-services", null));

    [Fact]
    public async Task DiscoveryWithASignedTokenForItsUrlIs200() =>
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/cds-services", TokenFor("/cds-services")));

    [Fact]
    public async Task ServiceCallWithATokenForAnotherEndpointIs401()
    {
        var path = "/cds-services/" + PathwayServices.PatientViewId;
        using var body = HookRequests.PatientView("p1").Json();

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Post, path, TokenFor("/cds-services"), body));
    }

    [Fact]
    public async Task ServiceCallWithItsOwnTokenReachesTheService()
    {
        var path = "/cds-services/" + PathwayServices.PatientViewId;
        using var body = HookRequests.PatientView("p1").Json();

        // Authenticated, then refused by the protocol layer: no prefetch and no fhirServer means 412.
        Assert.Equal(HttpStatusCode.PreconditionFailed, await SendAsync(HttpMethod.Post, path, TokenFor(path), body));
    }

    [Fact]
    public async Task FeedbackNeedsATokenForTheFeedbackUrl()
    {
        var path = $"/cds-services/{PathwayServices.PatientViewId}/feedback";
        var feedback = JsonNode.Parse("""{"feedback":[{"card":"c1","outcome":"overridden","outcomeTimestamp":"2026-11-21T10:00:00Z"}]}""")!;

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Post, path, TokenFor("/cds-services/" + PathwayServices.PatientViewId), feedback.Json()));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Post, path, TokenFor(path), feedback.Json()));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthStaysAnonymous(string path) =>
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, path, null));
}
