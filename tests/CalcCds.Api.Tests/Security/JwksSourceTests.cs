using System.Net;

namespace CalcCds.Api.Tests.Security;

/// <summary>Keys fetched from a JWKS URL or an allow-listed jku, cached, and refreshed on an unknown kid.</summary>
public sealed class JwksSourceTests : IAsyncLifetime
{
    private const string Issuer = "https://jwks-ehr.example.org";
    private const string Service = "/cds-services/calc-check";

    private readonly TestSigningKey keyA = TestSigningKey.Ec("ES384");
    private readonly TestSigningKey keyB = TestSigningKey.Ec("ES384");
    private readonly ManualTimeProvider time = new(DateTimeOffset.UtcNow);
    private JwksServer jwks = null!;

    public async Task InitializeAsync() => jwks = await JwksServer.StartAsync();

    public async Task DisposeAsync()
    {
        await jwks.DisposeAsync();
        keyA.Dispose();
        keyB.Dispose();
    }

    [Fact]
    public async Task Keys_from_the_configured_jwks_url_are_fetched_and_accepted()
    {
        jwks.Serve("/jwks", TestSigningKey.Jwks(keyA));
        await using var host = await Start(new SecurityConfig().Issuer(Issuer, jwksUrl: jwks.Url("/jwks")));

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Service, Token(host, keyA))).StatusCode);
        Assert.Equal(1, jwks.RequestsTo("/jwks"));
    }

    [Fact]
    public async Task Keys_are_cached_between_requests()
    {
        jwks.Serve("/jwks", TestSigningKey.Jwks(keyA));
        await using var host = await Start(new SecurityConfig().Issuer(Issuer, jwksUrl: jwks.Url("/jwks")));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Service, Token(host, keyA))).StatusCode);
        }

        Assert.Equal(1, jwks.RequestsTo("/jwks"));
    }

    [Fact]
    public async Task Allow_listed_jku_is_fetched_when_the_issuer_has_no_configured_keys()
    {
        jwks.Serve("/client/jwks.json", TestSigningKey.Jwks(keyA));
        var jku = jwks.Url("/client/jwks.json");
        await using var host = await Start(new SecurityConfig().Issuer(Issuer, allowedJku: [jku]));

        var token = TestToken.For(Issuer, host.Url(Service), time.GetUtcNow()).WithHeader("jku", jku.ToString()).Sign(keyA);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Service, token)).StatusCode);
        Assert.Equal(1, jwks.RequestsTo("/client/jwks.json"));
    }

    [Fact]
    public async Task Jku_not_on_the_allow_list_is_refused_and_never_fetched()
    {
        // The attacker's jku serves a perfectly valid JWKS for the key that signed the token.
        jwks.Serve("/jwks", TestSigningKey.Jwks(keyA));
        jwks.Serve("/attacker/jwks.json", TestSigningKey.Jwks(keyB));
        await using var host = await Start(new SecurityConfig()
            .Issuer(Issuer, jwksUrl: jwks.Url("/jwks"), allowedJku: [jwks.Url("/client/jwks.json")]));

        var token = TestToken.For(Issuer, host.Url(Service), time.GetUtcNow())
            .WithHeader("jku", jwks.Url("/attacker/jwks.json").ToString())
            .Sign(keyB);

        await SecurityTestBase.AssertBareUnauthorized(await host.PostAsync(Service, token));
        Assert.Equal(0, jwks.TotalRequests);
    }

    [Fact]
    public async Task Jku_is_refused_when_the_issuer_allows_none()
    {
        jwks.Serve("/jwks", TestSigningKey.Jwks(keyA));
        await using var host = await Start(new SecurityConfig().Issuer(Issuer, jwksUrl: jwks.Url("/jwks")));

        var token = TestToken.For(Issuer, host.Url(Service), time.GetUtcNow()).WithHeader("jku", jwks.Url("/jwks").ToString()).Sign(keyA);

        await SecurityTestBase.AssertBareUnauthorized(await host.PostAsync(Service, token));
        Assert.Equal(0, jwks.TotalRequests);
    }

    [Fact]
    public async Task Unknown_kid_refreshes_the_jwks_and_accepts_a_rotated_key()
    {
        jwks.Serve("/jwks", TestSigningKey.Jwks(keyA));
        await using var host = await Start(new SecurityConfig().Issuer(Issuer, jwksUrl: jwks.Url("/jwks")));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Service, Token(host, keyA))).StatusCode);

        jwks.Serve("/jwks", TestSigningKey.Jwks(keyA, keyB));
        time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Service, Token(host, keyB))).StatusCode);
        Assert.Equal(2, jwks.RequestsTo("/jwks"));
    }

    [Fact]
    public async Task Unknown_kids_refresh_the_jwks_at_most_once_per_interval()
    {
        jwks.Serve("/jwks", TestSigningKey.Jwks(keyA));
        await using var host = await Start(new SecurityConfig().Issuer(Issuer, jwksUrl: jwks.Url("/jwks")));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Service, Token(host, keyA))).StatusCode);
        time.Advance(TimeSpan.FromSeconds(31));

        for (var i = 0; i < 5; i++)
        {
            var token = TestToken.For(Issuer, host.Url(Service), time.GetUtcNow()).WithHeader("kid", Guid.NewGuid().ToString()).Sign(keyB);
            await SecurityTestBase.AssertBareUnauthorized(await host.PostAsync(Service, token));
        }

        Assert.Equal(2, jwks.RequestsTo("/jwks"));
    }

    [Fact]
    public async Task Unreachable_jwks_refuses_with_401_not_an_error()
    {
        await using var host = await Start(new SecurityConfig().Issuer(Issuer, jwksUrl: jwks.Url("/missing")));

        await SecurityTestBase.AssertBareUnauthorized(await host.PostAsync(Service, Token(host, keyA)));
    }

    [Fact]
    public async Task Unreachable_jwks_is_retried_at_most_once_per_interval()
    {
        await using var host = await Start(new SecurityConfig().Issuer(Issuer, jwksUrl: jwks.Url("/missing")));

        for (var i = 0; i < 3; i++)
        {
            await SecurityTestBase.AssertBareUnauthorized(await host.PostAsync(Service, Token(host, keyA)));
        }

        Assert.Equal(1, jwks.RequestsTo("/missing"));
    }

    [Fact]
    public async Task Keys_from_a_jwks_file_are_accepted()
    {
        var file = Path.Combine(Path.GetTempPath(), $"calccds-jwks-{Guid.NewGuid()}.json");
        await File.WriteAllTextAsync(file, TestSigningKey.Jwks(keyA));
        try
        {
            await using var host = await Start(new SecurityConfig().Issuer(Issuer, jwksFile: file));
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Service, Token(host, keyA))).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<SecurityTestHost> Start(SecurityConfig config) => SecurityTestHost.StartAsync(config, time: time);

    private string Token(SecurityTestHost host, TestSigningKey key) =>
        TestToken.For(Issuer, host.Url(Service), time.GetUtcNow()).Sign(key);
}
