namespace CalcCds.Api.Security;

/// <summary>Names shared by the security registrations and the endpoint convention.</summary>
public static class CdsSecurityDefaults
{
    public const string AuthenticationScheme = "CdsClientJwt";
    public const string AuthorizationPolicy = "CdsClient";
    public const string RateLimiterPolicy = "CdsClientConcurrency";
    public const string RequestTimeoutPolicy = "CdsClientTimeout";
}
