using Microsoft.Extensions.Options;

namespace CalcCds.Api.Security;

public static class CdsSecurityApplicationExtensions
{
    /// <summary>
    /// Adds CORS, authentication, authorization, the concurrency limiter and request timeouts, in that order
    /// (CORS first so preflights are answered without a token; limits after authorization so anonymous
    /// callers cannot use up the permits). Call it before mapping endpoints. Reading the options here makes a
    /// bad configuration fail now, with the validator's message.
    /// </summary>
    public static WebApplication UseCdsHooksSecurity(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<CdsSecurityOptions>>().Value;
        AnnounceMode(app, settings);

        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>
    /// Puts the CDS client requirements on endpoints (the <c>/cds-services</c> group: discovery, service
    /// calls and feedback): a valid client token, the concurrency limit and the request timeout.
    /// </summary>
    public static TBuilder RequireCdsClient<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(CdsSecurityDefaults.AuthorizationPolicy);
        builder.RequireRateLimiting(CdsSecurityDefaults.RateLimiterPolicy);
        builder.WithRequestTimeout(CdsSecurityDefaults.RequestTimeoutPolicy);
        return builder;
    }

    private static void AnnounceMode(WebApplication app, CdsSecurityOptions settings)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CdsSecurityApplicationExtensions).Namespace!);
        if (settings.Mode == SecurityMode.Disabled)
        {
            logger.LogWarning(
                "!!! CDS CLIENT AUTHENTICATION IS DISABLED ({Setting}=Disabled, environment {Environment}). " +
                "Anyone who can reach this service can call it. Never run like this with real patient data. !!!",
                CdsSecurityOptions.SectionName + ":Mode", app.Environment.EnvironmentName);
            return;
        }

        logger.LogInformation(
            "CDS client authentication: JWT from {IssuerCount} trusted issuer(s), algorithms {Algorithms}",
            settings.Issuers.Count, string.Join(",", settings.EffectiveAlgorithms));
        if (settings.PublicBaseUrl is null && !app.Environment.IsDevelopment())
        {
            logger.LogWarning(
                "{Setting} is not set: the expected token audience is derived from the request's Host header. " +
                "Set it to the URL clients call, especially behind a reverse proxy.",
                CdsSecurityOptions.SectionName + ":PublicBaseUrl");
        }
    }
}
