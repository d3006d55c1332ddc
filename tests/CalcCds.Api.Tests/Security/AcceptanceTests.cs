using System.Net;
using System.Text.Json.Nodes;

namespace CalcCds.Api.Tests.Security;

/// <summary>Well-formed tokens from trusted CDS clients reach every CDS endpoint.</summary>
public sealed class AcceptanceTests : SecurityTestBase
{
    [Fact]
    public async Task Es384_token_is_accepted_on_a_service_call()
    {
        var response = await Host.PostAsync("/cds-services/calc-check", TokenFor("/cds-services/calc-check").Sign(Es384));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Rs384_token_is_accepted_on_discovery()
    {
        var response = await Host.GetAsync("/cds-services", TokenFor("/cds-services").Sign(Rs384));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_with_its_own_feedback_url_as_aud_is_accepted_on_feedback()
    {
        const string feedback = "/cds-services/calc-check/feedback";
        var response = await Host.PostAsync(feedback, TokenFor(feedback).Sign(Es384));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Aud_as_an_array_holding_the_called_url_is_accepted()
    {
        const string service = "/cds-services/calc-check";
        var token = TokenFor(service).With("aud", new JsonArray(Host.Url(service))).Sign(Es384);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(service, token)).StatusCode);
    }

    [Fact]
    public async Task Epic_style_rs384_token_with_sub_and_nbf_is_accepted()
    {
        const string service = "/cds-services/calc-check";
        var token = TokenFor(service)
            .With("sub", "d9f07be6-8a2c-4f4b-b0b5-1f3c1e0a8f11")
            .With("nbf", Now.ToUnixTimeSeconds())
            .Sign(Rs384);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(service, token)).StatusCode);
    }

    [Fact]
    public async Task Token_issued_a_little_in_the_future_within_skew_is_accepted()
    {
        const string service = "/cds-services/calc-check";
        var token = TestToken.For(SecurityTestHost.TrustedIssuer, Host.Url(service), Now + TimeSpan.FromSeconds(30)).Sign(Es384);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(service, token)).StatusCode);
    }

    [Fact]
    public async Task Token_of_an_allowed_tenant_is_accepted()
    {
        const string service = "/cds-services/calc-check";
        var token = TestToken.For(TenantIssuer, Host.Url(service), Now).With("tenant", AllowedTenant).Sign(Es384);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(service, token)).StatusCode);
    }

    [Fact]
    public async Task Health_endpoint_needs_no_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await Host.GetAsync("/health/live", token: null)).StatusCode);
    }
}
