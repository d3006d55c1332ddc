using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CalcCds.Api.Security;

/// <summary>Turns <see cref="CdsSecurityOptions"/> into the JWT bearer handler's validation parameters.</summary>
internal sealed class ConfigureCdsJwtBearer(
    IOptions<CdsSecurityOptions> options,
    TrustedIssuers issuers,
    IssuerKeyStore keyStore,
    TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions bearer)
    {
        if (name != CdsSecurityDefaults.AuthenticationScheme)
        {
            return;
        }

        var settings = options.Value;
        bearer.EventsType = typeof(CdsJwtBearerEvents);
        bearer.TimeProvider = time;
        // A bare "WWW-Authenticate: Bearer": error descriptions would tell an attacker which check failed.
        bearer.IncludeErrorDetails = false;
        bearer.SaveToken = false;
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = [.. issuers.Names],
            // aud must be the exact URL of this request, which static parameters cannot express: it is
            // checked per request in CdsJwtBearerEvents.TokenValidated.
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = settings.ClockSkew,
            RequireSignedTokens = true,
            ValidAlgorithms = [.. settings.EffectiveAlgorithms.Where(a => !SigningAlgorithms.IsForbidden(a))],
            TryAllIssuerSigningKeys = false,
            IssuerSigningKeyResolver = ResolveKeys,
            // The library's own lifetime check reads the system clock; this one reads the injected TimeProvider.
            LifetimeValidator = ValidateLifetime,
            NameClaimType = "sub",
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    /// <summary>exp required; exp and nbf each tolerate the configured clock skew.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is not { } exp || (notBefore is { } nbf && nbf > exp))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        return exp >= now - parameters.ClockSkew && (notBefore is null || notBefore <= now + parameters.ClockSkew);
    }

    /// <summary>
    /// Synchronous by the library's contract, so it only reads the cache that
    /// <see cref="CdsJwtBearerEvents.MessageReceived"/> filled asynchronously for this token.
    /// </summary>
    private IEnumerable<SecurityKey> ResolveKeys(string token, SecurityToken securityToken, string kid, TokenValidationParameters parameters)
    {
        var issuer = issuers.Find(securityToken.Issuer);
        var jku = securityToken is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken jwt
            && jwt.TryGetHeaderValue<string>("jku", out var value) ? value : null;
        var source = issuer?.SelectKeySource(jku);
        return source is null || string.IsNullOrEmpty(kid) ? [] : keyStore.GetCachedKeys(source, kid);
    }
}
