using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CalcCds.Api.CdsHooks;
using CalcCds.Hooks.Evaluation;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Hooks.Services;
using CalcCds.Pathway;
using CalcCds.Pathway.Picture;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CalcCds.Benchmarks;

/// <summary>
/// The stages of one patient-view call with a full ~100 KB prefetch, each on its own so a regression points at its
/// stage: JSON + FHIR parse of the request, patient-picture build, rule evaluation (picture included, as the service
/// runs it), card serialization, and the whole call without HTTP.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private const int MaxJsonDepth = 64; // CdsHooksOptions.MaxJsonDepth's default

    private WebApplication host = null!;
    private byte[] body = null!;
    private CdsServiceDefinition service = null!;
    private PrefetchResolver resolver = null!;
    private PatientPictureBuilder pictureBuilder = null!;
    private IHookEvaluator evaluator = null!;
    private CdsRequest request = null!;
    private HookInvocation invocation = null!;
    private CdsResponse response = null!;
    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        host = BenchFixture.CreateHost();
        body = BenchFixture.RequestBody();
        var services = host.Services;
        service = services.GetRequiredService<ICdsServiceCatalog>().Find(PathwayServices.PatientViewId)!;
        resolver = services.GetRequiredService<PrefetchResolver>();
        pictureBuilder = services.GetRequiredService<PatientPictureBuilder>();
        evaluator = services.GetRequiredService<IHookEvaluator>();
        request = CdsRequestReader.Read(body, service, MaxJsonDepth);
        invocation = new HookInvocation(service, request, resolver.ResolveAsync(service, request, CancellationToken.None).GetAwaiter().GetResult());
        response = evaluator.Evaluate(invocation);
        if (response.Cards.Count == 0)
        {
            throw new InvalidOperationException("The fixture should produce cards; check bench/fixtures.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        request.Dispose();
        ((IDisposable)host).Dispose();
    }

    [Benchmark(Baseline = true, Description = "P1's baseline: JsonDocument parse of the same body")]
    public int ParseDocument()
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        return (int)document.RootElement.ValueKind;
    }

    [Benchmark(Description = "parse: JSON + CDS request + FHIR prefetch (~100 KB)")]
    public async Task<int> ParsePrefetch()
    {
        using var parsed = CdsRequestReader.Read(body, service, MaxJsonDepth);
        var prefetch = await resolver.ResolveAsync(service, parsed, CancellationToken.None);
        return prefetch.FetchedCount;
    }

    [Benchmark(Description = "patient picture build")]
    public object BuildPicture() => pictureBuilder.Build(invocation);

    [Benchmark(Description = "rule evaluation (picture included)")]
    public int EvaluateRules() => evaluator.Evaluate(invocation).Cards.Count;

    [Benchmark(Description = "card serialization")]
    public int SerializeCards()
    {
        output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(output, CdsResponseResult.WriterOptions);
        JsonSerializer.Serialize(writer, response, CdsJsonContext.Default.CdsResponse);
        return output.WrittenCount;
    }

    [Benchmark(Description = "whole call without HTTP")]
    public async Task<int> WholeCall()
    {
        using var parsed = CdsRequestReader.Read(body, service, MaxJsonDepth);
        var prefetch = await resolver.ResolveAsync(service, parsed, CancellationToken.None);
        var cards = evaluator.Evaluate(new HookInvocation(service, parsed, prefetch));
        output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(output, CdsResponseResult.WriterOptions);
        JsonSerializer.Serialize(writer, cards, CdsJsonContext.Default.CdsResponse);
        return output.WrittenCount;
    }
}
