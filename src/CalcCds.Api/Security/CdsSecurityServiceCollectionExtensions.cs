using System.Globalization;
using CalcCds.Api.Operations;
using CalcCds.Storage;
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
        services.AddSingleton<IValidateOptions<CdsSecurityOptions>, ReplayStoreValidator>();
        services.TryAddSingleton(TimeProvider.System);
        AddReplayStore(services);

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

    /// <summary>
    /// The jti replay store named by <c>CalcCds:Security:ReplayStore</c>, decided when first needed so tests and hosts
    /// can still replace <see cref="IJtiReplayCache"/> (TryAdd) or the options.
    /// </summary>
    private static void AddReplayStore(IServiceCollection services)
    {
        // Bound here too (binding twice is harmless) because the choice depends on the storage provider.
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.TryAddSingleton<IJtiReplayCache>(sp =>
        {
            var choice = sp.GetRequiredService<IOptions<CdsSecurityOptions>>().Value.ReplayStore;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var shared = choice == ReplayStore.PostgreSql
                || (choice == ReplayStore.Auto && storage.Provider == StorageProvider.PostgreSql);
            if (!shared)
            {
                return ActivatorUtilities.CreateInstance<InMemoryJtiReplayCache>(sp);
            }

            var store = new PostgresTokenReplayStore(storage.PostgreSqlConnectionString!);
            return ActivatorUtilities.CreateInstance<PostgresJtiReplayCache>(sp, store);
        });
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

    /// <summary>The <c>Retry-After</c> value of every 503 the security layer answers.</summary>
    internal static string RetryAfter(CdsLimitsOptions limits) =>
        limits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}
