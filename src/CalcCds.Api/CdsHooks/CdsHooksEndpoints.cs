using System.Diagnostics;
using CalcCds.Api.Feedback;
using CalcCds.Api.Operations;
using CalcCds.Hooks.Evaluation;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Hooks.Services;
using CalcCds.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.CdsHooks;

/// <summary>The three CDS Hooks routes: discovery, service call and feedback.</summary>
public static class CdsHooksEndpoints
{
    public static RouteGroupBuilder MapCdsHooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/cds-services").AddEndpointFilter<CdsErrorFilter>();
        group.MapGet("/", GetDiscovery).WithName("discovery");
        group.MapPost("/{id}", CallServiceAsync).WithName("call-service");
        group.MapPost("/{id}/feedback", PostFeedbackAsync).WithName("feedback");
        return group;
    }

    public static Ok<DiscoveryResponse> GetDiscovery(ICdsServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var services = catalog.Services.Select(s => new DiscoveredService
        {
            Hook = s.Hook,
            Title = s.Title,
            Description = s.Description,
            Id = s.Id,
            Prefetch = s.Prefetch.Count > 0 ? s.Prefetch : null,
            UsageRequirements = s.UsageRequirements,
        }).ToList();
        return TypedResults.Ok(new DiscoveryResponse(services));
    }

    public static async Task<CdsResponseResult> CallServiceAsync(
        string id,
        HttpRequest httpRequest,
        ICdsServiceCatalog catalog,
        CdsBodyReader bodyReader,
        PrefetchResolver prefetchResolver,
        IHookEvaluator evaluator,
        RepeatHistory repeatHistory,
        EvaluationLog evaluationLog,
        IOptions<CdsHooksOptions> options,
        ILogger<CdsRequest> logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(bodyReader);
        ArgumentNullException.ThrowIfNull(prefetchResolver);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(repeatHistory);
        ArgumentNullException.ThrowIfNull(evaluationLog);
        ArgumentNullException.ThrowIfNull(options);
        var service = FindService(catalog, id);
        var started = Stopwatch.GetTimestamp();
        using var request = await bodyReader.ReadRequestAsync(httpRequest, service, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["hookInstance"] = request.HookInstance, ["service"] = service.Id });

        // The repeat-suppression lookup runs while prefetch gaps are fetched; it never throws.
        var patientKey = PatientKey.For(request);
        var actedOn = repeatHistory.LoadAsync(patientKey, cancellationToken);

        // The deadline counts from arrival: what is left of it is the fetches' budget.
        var remaining = options.Value.EvaluationDeadline - Stopwatch.GetElapsedTime(started);
        var prefetch = await prefetchResolver.ResolveAsync(service, request, remaining, cancellationToken);
        var response = evaluator.Evaluate(new HookInvocation(service, request, prefetch) { ActedOn = await actedOn });
        var elapsed = Stopwatch.GetElapsedTime(started);
        evaluationLog.Record(service.Id, request.HookInstance, patientKey, response, prefetch, elapsed);
        CallLog.Evaluated(logger, service.Id, request.HookInstance, response.Cards.Count, prefetch.FetchedCount, elapsed.TotalMilliseconds);
        return new CdsResponseResult(response);
    }

    public static async Task<Ok> PostFeedbackAsync(
        string id,
        HttpRequest httpRequest,
        ICdsServiceCatalog catalog,
        CdsBodyReader bodyReader,
        IFeedbackStore store,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(bodyReader);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var service = FindService(catalog, id);
        using var document = await bodyReader.ReadAsync(httpRequest, cancellationToken);
        var entries = FeedbackCaller.Attribute(FeedbackReader.Read(document.RootElement, service.Id, clock.GetUtcNow()), httpRequest.HttpContext.User);
        await store.AddAsync(entries, cancellationToken);
        return TypedResults.Ok();
    }

    private static CdsServiceDefinition FindService(ICdsServiceCatalog catalog, string id) =>
        catalog.Find(id) ?? throw new CdsRequestException(404, new CdsIssue("not-found", $"No CDS service with id '{(id.Length <= 64 ? id : id[..64])}'.", "id"));
}
