using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CalcCds.Api.Tests.Security;

/// <summary>
/// Tokens the CDS Hooks sandbox really sent (captured in <c>shared/data/cds-hooks/sandbox-captured</c>) verify
/// against the sandbox's published JWKS. They expired minutes after capture, so the clock is frozen just after
/// their <c>iat</c>; the same tokens on the real clock prove the lifetime check still applies.
/// </summary>
public sealed class SandboxTokenTests
{
    private const string SandboxIssuer = "https://sandbox.cds-hooks.org";
    private const string SandboxJku = "https://sandbox.cds-hooks.org/.well-known/jwks.json";

    private static string CapturedDir => Path.Combine(RepoPaths.SharedData, "cds-hooks", "sandbox-captured");

    [SharedDataTheory]
    [InlineData("order-select-request-1.headers.json")]
    [InlineData("patient-view-request-1.headers.json")]
    public async Task Captured_sandbox_token_verifies_against_the_sandbox_jwks(string headersFile)
    {
        var (token, jwt) = ReadCapturedToken(headersFile);
        var frozen = new ManualTimeProvider(new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero) + TimeSpan.FromSeconds(10));
        await using var host = await StartSandboxTrustingHost(frozen);

        var response = await host.PostAsync(new Uri(jwt.Audiences.Single()).AbsolutePath, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SharedDataFact]
    public async Task Captured_sandbox_token_is_refused_once_expired()
    {
        var (token, jwt) = ReadCapturedToken("order-select-request-1.headers.json");
        var late = new ManualTimeProvider(new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + TimeSpan.FromMinutes(2));
        await using var host = await StartSandboxTrustingHost(late);

        await SecurityTestBase.AssertBareUnauthorized(await host.PostAsync(new Uri(jwt.Audiences.Single()).AbsolutePath, token));
    }

    [SharedDataFact]
    public async Task Captured_sandbox_token_with_a_changed_payload_is_refused()
    {
        var (token, jwt) = ReadCapturedToken("order-select-request-1.headers.json");
        var frozen = new ManualTimeProvider(new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero) + TimeSpan.FromSeconds(10));
        await using var host = await StartSandboxTrustingHost(frozen);
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]))!;
        payload["jti"] = Guid.NewGuid().ToString();
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        await SecurityTestBase.AssertBareUnauthorized(await host.PostAsync(new Uri(jwt.Audiences.Single()).AbsolutePath, forged));
    }

    /// <summary>
    /// Trusts the sandbox with its JWKS as a local file, accepting the jku it always sends (so nothing is
    /// fetched), and with the public base URL the sandbox called during capture.
    /// </summary>
    private static Task<SecurityTestHost> StartSandboxTrustingHost(TimeProvider time) =>
        SecurityTestHost.StartAsync(
            new SecurityConfig()
                .Set("PublicBaseUrl", "http://127.0.0.1:8083")
                .Issuer(SandboxIssuer, jwksFile: Path.Combine(CapturedDir, "sandbox-jwks.json"), allowedJku: [new Uri(SandboxJku)]),
            time: time);

    private static (string Token, JsonWebToken Jwt) ReadCapturedToken(string headersFile)
    {
        using var headers = JsonDocument.Parse(File.ReadAllText(Path.Combine(CapturedDir, headersFile)));
        var token = headers.RootElement.GetProperty("Authorization").GetString()!["Bearer ".Length..];
        return (token, new JsonWebToken(token));
    }
}
