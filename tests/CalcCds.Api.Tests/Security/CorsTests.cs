using System.Net;

namespace CalcCds.Api.Tests.Security;

/// <summary>Browser clients such as the CDS Hooks sandbox may call from configured origins only.</summary>
public sealed class CorsTests : SecurityTestBase
{
    private const string SandboxOrigin = "http://127.0.0.1:8081";
    private const string OtherOrigin = "https://evil.example.com";
    private const string Service = "/cds-services/calc-check";

    [Fact]
    public async Task Preflight_from_an_allowed_origin_allows_post_with_authorization()
    {
        var response = await Preflight(SandboxOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(SandboxOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        var allowedHeaders = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToUpperInvariant();
        Assert.Contains("AUTHORIZATION", allowedHeaders, StringComparison.Ordinal);
        Assert.Contains("CONTENT-TYPE", allowedHeaders, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_from_another_origin_gets_no_cors_grant()
    {
        var response = await Preflight(OtherOrigin);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Request_from_an_allowed_origin_carries_the_cors_grant()
    {
        var response = await Host.SendAsync(HttpMethod.Post, Service, TokenFor(Service).Sign(Es384), SandboxOrigin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SandboxOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Request_from_another_origin_carries_no_cors_grant()
    {
        var response = await Host.SendAsync(HttpMethod.Post, Service, TokenFor(Service).Sign(Es384), OtherOrigin);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    protected override SecurityConfig Configure(SecurityConfig config) => config.List("Cors:AllowedOrigins", SandboxOrigin);

    private Task<HttpResponseMessage> Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, Host.Url(Service));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return Host.Client.SendAsync(request);
    }
}
