using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace CalcCds.Api.Tests.Security;

/// <summary>Every way a forged, stale or misdirected token can arrive: each must end in a bare 401.</summary>
public sealed class AttackMatrixTests : SecurityTestBase
{
    private const string Service = "/cds-services/calc-check";

    [Fact]
    public async Task Request_without_token_is_refused() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, token: null));

    [Fact]
    public async Task Alg_none_is_refused() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).WithHeader("kid", Es384.Kid).Unsigned()));

    [Fact]
    public async Task Hs256_signed_with_the_public_key_as_secret_is_refused() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).SignHs256WithPublicKey(Rs384)));

    [Fact]
    public async Task Algorithm_outside_the_configured_list_is_refused()
    {
        // RS256 with a key the issuer really publishes: only the algorithm is wrong.
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).Sign(Rs384, alg: "RS256")));
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        var token = TestToken.For(SecurityTestHost.TrustedIssuer, Host.Url(Service), Now - TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5));
        await AssertBareUnauthorized(await Host.PostAsync(Service, token.Sign(Es384)));
    }

    [Fact]
    public async Task Iat_in_the_future_beyond_clock_skew_is_refused()
    {
        var token = TestToken.For(SecurityTestHost.TrustedIssuer, Host.Url(Service), Now + TimeSpan.FromMinutes(3));
        await AssertBareUnauthorized(await Host.PostAsync(Service, token.Sign(Es384)));
    }

    [Fact]
    public async Task Missing_iat_is_refused() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).Without("iat").Sign(Es384)));

    [Fact]
    public async Task Missing_exp_is_refused() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).Without("exp").Sign(Es384)));

    [Fact]
    public async Task Wrong_aud_is_refused() =>
        await AssertBareUnauthorized(await Host.PostAsync(
            Service, TokenFor(Service).With("aud", "https://other-cds.example.org/cds-services/calc-check").Sign(Es384)));

    [Fact]
    public async Task Aud_of_the_service_is_refused_on_its_feedback_endpoint() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service + "/feedback", TokenFor(Service).Sign(Es384)));

    [Fact]
    public async Task Aud_of_discovery_is_refused_on_a_service() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor("/cds-services").Sign(Es384)));

    [Fact]
    public async Task Aud_of_another_service_is_refused() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor("/cds-services/other-service").Sign(Es384)));

    [Fact]
    public async Task Unknown_issuer_is_refused()
    {
        var token = TestToken.For("https://rogue-ehr.example.org", Host.Url(Service), Now);
        await AssertBareUnauthorized(await Host.PostAsync(Service, token.Sign(Es384)));
    }

    [Fact]
    public async Task Unknown_kid_is_refused()
    {
        using var stranger = TestSigningKey.Ec("ES384");
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).Sign(stranger)));
    }

    [Fact]
    public async Task Known_kid_signed_by_another_key_is_refused()
    {
        using var impostor = TestSigningKey.Ec("ES384", kid: Es384.Kid);
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).Sign(impostor)));
    }

    [Fact]
    public async Task Missing_kid_is_refused()
    {
        // An empty kid survives Sign, which fills the kid only when the header has none.
        var token = TokenFor(Service).WithHeader("kid", "").Sign(Es384);
        await AssertBareUnauthorized(await Host.PostAsync(Service, token));
    }

    [Fact]
    public async Task Tampered_payload_is_refused()
    {
        var parts = TokenFor(Service).Sign(Es384).Split('.');
        var forged = TokenFor(Service).With("tenant", "someone-else").With("sub", "admin").Sign(Es384).Split('.');
        await AssertBareUnauthorized(await Host.PostAsync(Service, $"{parts[0]}.{forged[1]}.{parts[2]}"));
    }

    [Fact]
    public async Task Missing_jti_is_refused() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).Without("jti").Sign(Es384)));

    [Fact]
    public async Task Replayed_jti_is_refused()
    {
        var token = TokenFor(Service).Sign(Es384);
        Assert.True((await Host.PostAsync(Service, token)).IsSuccessStatusCode);
        await AssertBareUnauthorized(await Host.PostAsync(Service, token));
    }

    [Fact]
    public async Task Reused_jti_in_a_new_token_is_refused()
    {
        var jti = Guid.NewGuid().ToString();
        Assert.True((await Host.PostAsync(Service, TokenFor(Service).With("jti", jti).Sign(Es384))).IsSuccessStatusCode);
        await AssertBareUnauthorized(await Host.PostAsync(Service, TokenFor(Service).With("jti", jti).Sign(Rs384)));
    }

    [Fact]
    public async Task Token_for_another_tenant_is_refused()
    {
        var token = TestToken.For(TenantIssuer, Host.Url(Service), Now).With("tenant", "hospital-b");
        await AssertBareUnauthorized(await Host.PostAsync(Service, token.Sign(Es384)));
    }

    [Fact]
    public async Task Token_without_tenant_is_refused_when_the_issuer_lists_tenants() =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, TestToken.For(TenantIssuer, Host.Url(Service), Now).Sign(Es384)));

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("a.b.c")]
    [InlineData("....")]
    [InlineData("eyJhbGciOiJFUzM4NCJ9.bm90IGpzb24.c2ln")]
    [InlineData("eyJ.eyJ.")]
    [InlineData("e30.e30.e30")]
    [InlineData("Bearer Bearer")]
    [InlineData("%%%.%%%.%%%")]
    public async Task Malformed_token_string_is_refused(string token) =>
        await AssertBareUnauthorized(await Host.PostAsync(Service, token));

    [Fact]
    public async Task Refusal_reason_is_logged_at_debug()
    {
        var token = TokenFor(Service).Sign(Es384);
        await Host.PostAsync(Service, token);
        await Host.PostAsync(Service, token);
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Debug && e.Text.Contains("replayed jti", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_array_aud_must_contain_the_called_url() =>
        await AssertBareUnauthorized(await Host.PostAsync(
            Service, TokenFor(Service).With("aud", new JsonArray("https://x.example.org/cds-services", Host.Url("/cds-services"))).Sign(Es384)));
}
