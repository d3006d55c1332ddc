using System.Net;

namespace CalcCds.Api.Tests.Security;

/// <summary>Behind a reverse proxy the audience comes from the configured public base URL, not the request.</summary>
public sealed class PublicBaseUrlTests : SecurityTestBase
{
    private const string PublicBase = "https://cds.example.org/calc";
    private const string Service = "/cds-services/calc-check";

    [Fact]
    public async Task Token_for_the_public_url_is_accepted()
    {
        var token = TestToken.For(SecurityTestHost.TrustedIssuer, PublicBase + Service, Now).Sign(Es384);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(Service, token)).StatusCode);
    }

    [Fact]
    public async Task Token_for_the_internal_url_is_refused() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).Sign(Es384)));

    protected override SecurityConfig Configure(SecurityConfig config) => config.Set("PublicBaseUrl", PublicBase + "/");
}
