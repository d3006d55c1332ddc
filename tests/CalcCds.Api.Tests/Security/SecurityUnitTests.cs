using CalcCds.Api.Security;

namespace CalcCds.Api.Tests.Security;

/// <summary>The small pure pieces, without a host.</summary>
public sealed class SecurityUnitTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Replay_cache_accepts_a_jti_once()
    {
        var cache = new InMemoryJtiReplayCache(new ManualTimeProvider(Start));
        Assert.True(await cache.TryRecordAsync("iss", "jti-1", Start.AddMinutes(5), CancellationToken.None));
        Assert.False(await cache.TryRecordAsync("iss", "jti-1", Start.AddMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Replay_cache_keeps_issuers_apart()
    {
        var cache = new InMemoryJtiReplayCache(new ManualTimeProvider(Start));
        Assert.True(await cache.TryRecordAsync("iss-a", "jti-1", Start.AddMinutes(5), CancellationToken.None));
        Assert.True(await cache.TryRecordAsync("iss-b", "jti-1", Start.AddMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Replay_cache_forgets_a_jti_after_its_time()
    {
        var time = new ManualTimeProvider(Start);
        var cache = new InMemoryJtiReplayCache(time);
        await cache.TryRecordAsync("iss", "jti-1", Start.AddMinutes(5), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await cache.TryRecordAsync("iss", "jti-1", Start.AddMinutes(11), CancellationToken.None));
    }

    [Theory]
    [InlineData("https://cds.example.org/cds-services/x", true)]
    [InlineData("https://CDS.Example.org/cds-services/x", true)]
    [InlineData("HTTPS://cds.example.org/cds-services/x", true)]
    [InlineData("https://cds.example.org/cds-services/X", false)]
    [InlineData("https://cds.example.org/cds-services/x/", false)]
    [InlineData("https://cds.example.org/cds-services/x/feedback", false)]
    [InlineData("https://cds.example.org:8443/cds-services/x", false)]
    [InlineData("http://cds.example.org/cds-services/x", false)]
    [InlineData("https://cds.example.org.evil.com/cds-services/x", false)]
    public void Audience_must_be_the_called_url_with_case_insensitive_scheme_and_host(string aud, bool matches) =>
        Assert.Equal(matches, ExpectedAudience.Matches(aud, "https://cds.example.org/cds-services/x"));

    [Fact]
    public void Jwks_parser_drops_symmetric_and_encryption_keys()
    {
        using var ec = TestSigningKey.Ec("ES384", kid: "ec");
        var json = $$"""
            {"keys":[
              {{ec.PublicJwk.ToJsonString()}},
              {"kty":"oct","kid":"shared","k":"c2VjcmV0"},
              {"kty":"RSA","kid":"enc","use":"enc","n":"sXch","e":"AQAB"}
            ]}
            """;
        Assert.Equal("ec", Assert.Single(JwksParser.SigningKeys(json)).Kid);
    }
}
