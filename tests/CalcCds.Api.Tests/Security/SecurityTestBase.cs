using System.Net;

namespace CalcCds.Api.Tests.Security;

/// <summary>
/// A host trusting <see cref="SecurityTestHost.TrustedIssuer"/> (ES384 and RS384 keys, inline JWKS) and a
/// second issuer restricted to one tenant. Each test gets a fresh host, so replay state never leaks.
/// </summary>
public abstract class SecurityTestBase : IAsyncLifetime
{
    public const string TenantIssuer = "https://tenant-ehr.example.org";
    public const string AllowedTenant = "hospital-a";

    // Generated once per run: RSA key generation is slow and the keys carry no state between tests.
    private static readonly Lazy<TestSigningKey> SharedEs384 = new(() => TestSigningKey.Ec("ES384"));
    private static readonly Lazy<TestSigningKey> SharedRs384 = new(() => TestSigningKey.Rsa("RS384"));

    public static TestSigningKey Es384 => SharedEs384.Value;

    public static TestSigningKey Rs384 => SharedRs384.Value;

    public SecurityTestHost Host { get; private set; } = null!;

    public DateTimeOffset Now => Host.Time.GetUtcNow();

    public virtual async Task InitializeAsync() => Host = await SecurityTestHost.StartAsync(Configure(DefaultConfig()));

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A token from the trusted issuer for a call to <paramref name="path"/> on this host.</summary>
    public TestToken TokenFor(string path) => TestToken.For(SecurityTestHost.TrustedIssuer, Host.Url(path), Now);

    protected virtual SecurityConfig Configure(SecurityConfig config) => config;

    protected static SecurityConfig DefaultConfig() => new SecurityConfig()
        .Issuer(SecurityTestHost.TrustedIssuer, jwks: TestSigningKey.Jwks(Es384, Rs384))
        .Issuer(TenantIssuer, jwks: TestSigningKey.Jwks(Es384), tenants: [AllowedTenant]);

    /// <summary>Every refusal looks the same: 401, a bare Bearer challenge, no body.</summary>
    public static async Task AssertBareUnauthorized(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }
}
