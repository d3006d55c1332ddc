using CalcCds.Api.Feedback;
using CalcCds.Api.Infrastructure;
using CalcCds.Hooks.Prefetch;
using CalcCds.Storage;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Operations;

/// <summary>The store, the evaluation log and its retention, the readiness check and the service metrics.</summary>
public static class OperationsRegistration
{
    public static IServiceCollection AddCalcCdsOperations(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<IFeedbackStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.PostgreSql => new PostgresFeedbackStore(options.PostgreSqlConnectionString!),
                _ => new SqliteFeedbackStore(options.ResolveDataFolder(), options.BusyTimeout),
            };
        });

        // Registered in this order so StoreStartup migrates before the log and the clean-up first touch the store.
        services.AddHostedService<StoreStartup>();
        services.AddSingleton<EvaluationLog>();
        services.AddHostedService(sp => sp.GetRequiredService<EvaluationLog>());
        services.AddHostedService<EvaluationRetention>();
        services.AddSingleton<RepeatHistory>();

        services.AddSingleton<CdsMetrics>();
        services.AddTransient<FhirFetchMetricsHandler>();
        services.AddHttpClient(HttpFhirClientFactory.HttpClientName).AddHttpMessageHandler<FhirFetchMetricsHandler>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
