using System.Globalization;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Security;

public static class CdsSecurityServiceCollectionExtensions
{
    /// <summary>
    /// Registers CDS client authentication (JWT bearer per CDS Hooks 2.0, or explicitly disabled in
    /// Development), the <see cref="CdsSecurityDefaults.AuthorizationPolicy"/> policy, CORS for browser
    /// clients and the request limits, all from configuration section <c>CalcCds:Security</c>.
    /// </summary>
    public static IServiceCollection AddCdsHooksSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        services.AddOptions<CdsSecurityOptions>()
            .Bind(configuration.GetSection(CdsSecurityOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CdsSecurityOptions>>(new CdsSecurityOptionsValidator(env));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJtiReplayCache, InMemoryJtiReplayCache>();

        // The mode decides which services exist, so it is read here; the validator still judges it at start-up.
        var mode = configuration.GetSection(CdsSecurityOptions.SectionName).GetValue(nameof(CdsSecurityOptions.Mode), SecurityMode.Jwt);
        if (mode == SecurityMode.Disabled)
        {
            services.AddAuthentication();
            services.AddAuthorizationBuilder()
                .AddPolicy(CdsSecurityDefaults.AuthorizationPolicy, policy => policy.RequireAssertion(_ => true));
        }
        else
        {
            AddJwt(services);
        }

        AddCors(services);
        AddLimits(services);
        return services;
    }

    private static void AddJwt(IServiceCollection services)
    {
        services.AddSingleton<TrustedIssuers>();
        services.AddSingleton<IssuerKeyStore>();
        services.AddSingleton<CdsJwtBearerEvents>();
        services.AddHttpClient(IssuerKeyStore.HttpClientName)
            // An allow-listed jku or configured JwksUrl must not be able to send us somewhere else.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>, ConfigureCdsJwtBearer>();
        services.AddAuthentication(CdsSecurityDefaults.AuthenticationScheme)
            .AddJwtBearer(CdsSecurityDefaults.AuthenticationScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(CdsSecurityDefaults.AuthorizationPolicy, policy => policy
                .AddAuthenticationSchemes(CdsSecurityDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser());
    }

    private static void AddCors(IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CdsSecurityOptions>>((cors, security) =>
        {
            var origins = security.Value.Cors.AllowedOrigins;
            if (origins.Count > 0)
            {
                // No credentials: CDS clients authenticate with the Authorization header, not cookies.
                cors.AddDefaultPolicy(policy => policy
                    .WithOrigins([.. origins])
                    .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Options)
                    .WithHeaders("Authorization", "Content-Type")
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
            }
        });
    }

    private static void AddLimits(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CdsSecurityOptions>>((limiter, security) =>
        {
            var limits = security.Value.Limits;
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfter(limits);
                return ValueTask.CompletedTask;
            };
            limiter.AddConcurrencyLimiter(CdsSecurityDefaults.RateLimiterPolicy, concurrency =>
            {
                concurrency.PermitLimit = limits.MaxConcurrentRequests;
                concurrency.QueueLimit = limits.QueueLimit;
                concurrency.QueueProcessingOrder = System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst;
            });
        });

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<CdsSecurityOptions>>((timeouts, security) =>
        {
            var limits = security.Value.Limits;
            timeouts.AddPolicy(CdsSecurityDefaults.RequestTimeoutPolicy, new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(limits.RequestTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context =>
                {
                    context.Response.Headers.RetryAfter = RetryAfter(limits);
                    return Task.CompletedTask;
                },
            });
        });
    }

    private static string RetryAfter(CdsLimitsOptions limits) =>
        limits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}
