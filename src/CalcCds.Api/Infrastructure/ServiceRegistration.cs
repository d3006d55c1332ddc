using CalcCds.Api.CdsHooks;
using CalcCds.Api.Operations;
using CalcCds.Fhir.Client;
using CalcCds.Hooks.Evaluation;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Services;
using CalcCds.Pathway;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;

namespace CalcCds.Api.Infrastructure;

/// <summary>Everything the service needs in the container, with options validated at start-up.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddCalcCds(this IServiceCollection services)
    {
        services.AddOptions<CdsHooksOptions>().BindConfiguration(CdsHooksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PathwayOptions>().BindConfiguration(PathwayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FhirClientOptions>().BindConfiguration("CalcCds:FhirClient").ValidateDataAnnotations().ValidateOnStart();

        services.ConfigureHttpJsonOptions(o =>
        {
            // CDS Hooks: "JSON elements SHALL NOT be null". The host's options, not the context's, decide this.
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, CdsJsonContext.Default);
        });
        services.AddHttpClient(HttpFhirClientFactory.HttpClientName, client =>
        {
            // Per-call timeouts come from FhirClientOptions; this outer bound only stops a call that ignores them.
            client.Timeout = TimeSpan.FromMinutes(2);
        });

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IFhirClientFactory, HttpFhirClientFactory>();
        services.AddSingleton<PrefetchResolver>();
        services.AddSingleton<CdsBodyReader>();
        services.AddSingleton<ICdsServiceCatalog, PathwayServices>();
        services.AddSingleton<PatientPictureBuilder>();
        services.AddSingleton<PathwayMetrics>();
        services.AddSingleton<IHookEvaluator, PathwayEvaluator>();
        services.AddCalcCdsOperations();

        // One rule, one class: every IRule in the pathway assembly is registered, so adding a rule touches no list.
        services.Scan(scan => scan
            .FromAssemblyOf<IRule>()
            .AddClasses(c => c.AssignableTo<IRule>(), publicOnly: false)
            .As<IRule>()
            .WithSingletonLifetime());

        services.AddHealthChecks();
        services.AddProblemDetails();
        return services;
    }
}
