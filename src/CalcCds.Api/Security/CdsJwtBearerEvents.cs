using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CalcCds.Api.Security;

/// <summary>
/// The CDS Hooks rules around the stock JWT bearer handler. Before validation: a cheap look at the unverified
/// header and issuer (allowed <c>alg</c>, trusted <c>iss</c>, allow-listed <c>jku</c>, present <c>kid</c>) so
/// nothing is fetched for a token we would refuse anyway, then the issuer's keys are loaded asynchronously.
/// Signature, issuer, exp/nbf and algorithm are then checked by Microsoft.IdentityModel. After validation:
/// the claims the handler cannot know about (exact per-request <c>aud</c>, <c>iat</c>, <c>jti</c>, tenant).
/// Every refusal is a bare 401; the reason goes to the debug log, never the token.
/// </summary>
internal sealed class CdsJwtBearerEvents(
    TrustedIssuers issuers,
    IssuerKeyStore keyStore,
    IJtiReplayCache replayCache,
    TimeProvider time,
    IOptions<CdsSecurityOptions> options,
    ILogger<CdsJwtBearerEvents> logger) : JwtBearerEvents
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>HttpContext item marking a refusal caused by our replay store, not by the token.</summary>
    private static readonly object ReplayStoreUnavailableKey = new();

    public override async Task MessageReceived(MessageReceivedContext context)
    {
        string authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return; // No bearer token: the handler answers with a challenge.
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        var reason = await PrepareAsync(token, context.HttpContext.RequestAborted);
        if (reason is not null)
        {
            Refuse(context, reason);
            return;
        }

        context.Token = token;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var reason = context.SecurityToken is JsonWebToken jwt
            ? await CheckClaimsAsync(jwt, context.Request, context.HttpContext.RequestAborted)
            : "unexpected token type";
        if (reason is not null)
        {
            Refuse(context, reason);
        }
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        if (context.HttpContext.Items.ContainsKey(ReplayStoreUnavailableKey))
        {
            context.HandleResponse();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = CdsSecurityServiceCollectionExtensions.RetryAfter(options.Value.Limits);
        }

        return Task.CompletedTask;
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        // The exception type names the reason (expired, bad signature...); its message is not logged because
        // a future library version might put token material in it.
        logger.LogDebug("CDS client token refused: {Reason}", context.Exception.GetType().Name);
        return Task.CompletedTask;
    }

    /// <summary>Null when the token may go on to full validation with its keys in the cache.</summary>
    private async Task<string?> PrepareAsync(string token, CancellationToken cancellationToken)
    {
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return "malformed token";
        }

        if (!options.Value.EffectiveAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return "algorithm not allowed";
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return "missing kid";
        }

        var issuer = issuers.Find(ReadIssuer(jwt));
        if (issuer is null)
        {
            return "untrusted issuer";
        }

        var source = issuer.SelectKeySource(ReadJku(jwt));
        if (source is null)
        {
            return "jku not allowed for issuer, or issuer has no keys for tokens without jku";
        }

        var keys = await keyStore.GetKeysAsync(source, jwt.Kid, cancellationToken);
        return keys.Count == 0 ? "unknown kid" : null;
    }

    private async Task<string?> CheckClaimsAsync(JsonWebToken jwt, HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var expectedAudience = ExpectedAudience.For(request, settings.PublicBaseUrl);
        if (!jwt.Audiences.Any(aud => ExpectedAudience.Matches(aud, expectedAudience)))
        {
            return "aud is not the URL called";
        }

        // JsonWebToken reports a missing iat as DateTime.MinValue.
        if (jwt.IssuedAt == DateTime.MinValue)
        {
            return "missing iat";
        }

        var now = time.GetUtcNow();
        var issuedAt = new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero);
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (issuedAt > now + settings.ClockSkew)
        {
            return "iat in the future";
        }

        if (settings.MaxTokenLifetimeSeconds is { } maxLifetime && expires - issuedAt > TimeSpan.FromSeconds(maxLifetime))
        {
            return "token lifetime too long";
        }

        var issuer = issuers.Find(jwt.Issuer);
        if (issuer is null)
        {
            return "untrusted issuer";
        }

        if (issuer.Tenants.Count > 0
            && !(jwt.TryGetPayloadValue<string>("tenant", out var tenant) && tenant is not null && issuer.Tenants.Contains(tenant)))
        {
            return "tenant not allowed for issuer";
        }

        if (string.IsNullOrEmpty(jwt.Id))
        {
            return "missing jti";
        }

        // Last, so a token refused for another reason does not use up its jti. Remembered past exp by the
        // skew, because that is how long the lifetime check still accepts it.
        bool firstUse;
        try
        {
            firstUse = await replayCache.TryRecordAsync(jwt.Issuer, jwt.Id, expires + settings.ClockSkew, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Fail closed: without the replay check the token cannot be trusted. The caller gets a 503 (see
            // Challenge), not a 401, because the token may be fine and a retry may succeed.
            logger.LogWarning("The jti replay store is unavailable ({Error}: {Message}); request refused with 503", ex.GetType().Name, ex.Message);
            request.HttpContext.Items[ReplayStoreUnavailableKey] = true;
            return "replay store unavailable";
        }

        return firstUse ? null : "replayed jti";
    }

    private void Refuse(ResultContext<JwtBearerOptions> context, string reason)
    {
        logger.LogDebug("CDS client token refused: {Reason}", reason);
        context.Fail("Invalid token.");
    }

    private static string? ReadIssuer(JsonWebToken jwt) =>
        jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Iss, out var iss) ? iss : null;

    private static string? ReadJku(JsonWebToken jwt) =>
        jwt.TryGetHeaderValue<string>("jku", out var jku) ? jku : null;
}
