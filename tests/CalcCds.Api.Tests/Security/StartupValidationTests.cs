using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Tests.Security;

/// <summary>A configuration that cannot be safe stops the service at start-up, saying what to fix.</summary>
public sealed class StartupValidationTests
{
    private static readonly string Jwks = TestSigningKey.Jwks(SecurityTestBase.Es384);

    [Fact]
    public async Task Production_start_without_a_trusted_issuer_fails_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(new SecurityConfig()));
        Assert.Contains("No trusted issuer configured", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("hs512")]
    public async Task Configuring_none_or_a_symmetric_algorithm_fails_start_up(string alg)
    {
        var config = new SecurityConfig().Issuer("https://ehr.example.org", jwks: Jwks).List("AllowedAlgorithms", "ES384", alg);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(config));
        Assert.Contains($"contains '{alg}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("forbidden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_mode_outside_development_fails_start_up()
    {
        var config = new SecurityConfig().Set("Mode", "Disabled");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(config, "Staging"));
        Assert.Contains("only allowed in the Development environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_mode_in_development_lets_calls_through_without_a_token()
    {
        await using var host = await SecurityTestHost.StartAsync(new SecurityConfig().Set("Mode", "Disabled"), "Development");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/cds-services/calc-check", token: null)).StatusCode);
    }

    [Fact]
    public async Task Disabled_mode_logs_a_loud_warning_at_start_up()
    {
        await using var host = await SecurityTestHost.StartAsync(new SecurityConfig().Set("Mode", "Disabled"), "Development");
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("AUTHENTICATION IS DISABLED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_still_requires_tokens_by_default()
    {
        var config = new SecurityConfig().Issuer("https://ehr.example.org", jwks: Jwks);
        await using var host = await SecurityTestHost.StartAsync(config, "Development");
        await SecurityTestBase.AssertBareUnauthorized(await host.PostAsync("/cds-services/calc-check", token: null));
    }

    [Fact]
    public async Task Issuer_with_two_key_sources_fails_start_up()
    {
        var config = new SecurityConfig().Issuer("https://ehr.example.org", jwks: Jwks, jwksUrl: new Uri("https://ehr.example.org/jwks"));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(config));
        Assert.Contains("set only one of JwksUrl, JwksFile and Jwks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_jwks_url_to_a_remote_host_fails_start_up()
    {
        var config = new SecurityConfig().Issuer("https://ehr.example.org", jwksUrl: new Uri("http://ehr.example.org/jwks"));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(config));
        Assert.Contains("must use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_jwks_file_fails_start_up()
    {
        var config = new SecurityConfig().Issuer("https://ehr.example.org", jwksFile: "/nonexistent/jwks.json");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(config));
        Assert.Contains("JwksFile cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inline_jwks_with_only_a_symmetric_key_fails_start_up()
    {
        const string octOnly = """{"keys":[{"kty":"oct","kid":"shared","k":"c2VjcmV0"}]}""";
        var config = new SecurityConfig().Issuer("https://ehr.example.org", jwks: octOnly);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(config));
        Assert.Contains("holds no EC or RSA signing key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clock_skew_above_five_minutes_fails_start_up()
    {
        var config = new SecurityConfig().Issuer("https://ehr.example.org", jwks: Jwks).Set("ClockSkewSeconds", "301");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(config));
        Assert.Contains("ClockSkewSeconds", error.Message, StringComparison.Ordinal);
    }
}
