using System.Net;

namespace CalcCds.Api.Tests.Security;

/// <summary>Past the concurrency limit or the request timeout the service answers 503 with Retry-After.</summary>
public sealed class LimitsTests : SecurityTestBase
{
    [Fact]
    public async Task Request_over_the_concurrency_limit_gets_503_with_retry_after()
    {
        var held = Host.PostAsync("/cds-services/held", TokenFor("/cds-services/held").Sign(Es384));
        await Host.HeldRequestEntered.WaitAsync(TimeSpan.FromSeconds(10));

        var refused = await Host.PostAsync("/cds-services/calc-check", TokenFor("/cds-services/calc-check").Sign(Es384));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        Host.ReleaseHeld();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
    }

    [Fact]
    public async Task Request_over_the_timeout_gets_503_with_retry_after()
    {
        var response = await Host.PostAsync("/cds-services/slow", TokenFor("/cds-services/slow").Sign(Es384));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Health_is_outside_the_concurrency_limit()
    {
        var held = Host.PostAsync("/cds-services/held", TokenFor("/cds-services/held").Sign(Es384));
        await Host.HeldRequestEntered.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, (await Host.GetAsync("/health/live", token: null)).StatusCode);
        Host.ReleaseHeld();
        await held;
    }

    protected override SecurityConfig Configure(SecurityConfig config) => config
        .Set("Limits:MaxConcurrentRequests", "1")
        .Set("Limits:QueueLimit", "0")
        .Set("Limits:RequestTimeoutSeconds", "1")
        .Set("Limits:RetryAfterSeconds", "7");
}
