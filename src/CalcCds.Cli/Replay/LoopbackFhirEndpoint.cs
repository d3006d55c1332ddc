using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CalcCds.FhirEndpoint;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CalcCds.Cli.Replay;

/// <summary>
/// Serves each replayed file as its own read-only FHIR base on 127.0.0.1 (<c>/charts/{n}/</c>), with the read and
/// search subset the services' prefetch templates use, so the service can fetch what the request does not carry.
/// One Kestrel for the whole run; a chart is dropped once its file is done.
/// </summary>
internal sealed class LoopbackFhirEndpoint : IAsyncDisposable
{
    private const int PageSize = 50;

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<int, ResourceStore> charts = new();
    private int next;

    private LoopbackFhirEndpoint(WebApplication app) => this.app = app;

    public Uri Root { get; private set; } = new("http://127.0.0.1/");

    public static async Task<LoopbackFhirEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });

        // The service's appsettings.json sits in the same folder; a Kestrel section there must not rebind this endpoint.
        foreach (var json in builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList())
        {
            builder.Configuration.Sources.Remove(json);
        }

        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new LoopbackFhirEndpoint(app);
        app.Run(endpoint.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        endpoint.Root = new Uri(address.TrimEnd('/') + "/");
        return endpoint;
    }

    /// <summary>Serves the resources under a new base URL, returned with a slot to <see cref="Remove"/> later.</summary>
    public (int Slot, Uri BaseUrl) Add(IEnumerable<JsonObject> resources)
    {
        var store = new ResourceStore();
        foreach (var resource in resources)
        {
            store.Add(resource);
        }

        var slot = Interlocked.Increment(ref next);
        charts[slot] = store;
        return (slot, BaseUrlOf(slot));
    }

    public void Remove(int slot) => charts.TryRemove(slot, out _);

    /// <summary>Answers a relative FHIR URL (<c>Patient/1</c>, <c>Observation?patient=1</c>) for a chart, as over HTTP.</summary>
    public FhirResponse Resolve(int slot, string relativeUrl)
    {
        var question = relativeUrl.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? relativeUrl : relativeUrl[..question];
        var query = question < 0 ? string.Empty : relativeUrl[question..];
        return Answer(slot, path.Split('/', StringSplitOptions.RemoveEmptyEntries), QueryStrings.Parse(query));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Uri BaseUrlOf(int slot) => new(Root, $"charts/{slot}/");

    private async Task HandleAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        FhirResponse response;
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            response = FhirResponse.Outcome(405, "not-supported", "This replay endpoint is read-only.");
        }
        else if (segments.Length >= 2 && segments[0] == "charts" && int.TryParse(segments[1], out var slot))
        {
            response = Answer(slot, segments[2..], QueryStrings.Parse(context.Request.QueryString.Value ?? string.Empty));
        }
        else
        {
            response = FhirResponse.Outcome(404, "not-found", "Not a FHIR base: " + context.Request.Path);
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private FhirResponse Answer(int slot, string[] segments, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        if (!charts.TryGetValue(slot, out var store))
        {
            return FhirResponse.Outcome(404, "not-found", "No chart is being replayed under this base.");
        }

        switch (segments)
        {
            case [var type, var id]:
                return store.Read(type, id) is { } resource
                    ? FhirResponse.Resource(resource)
                    : FhirResponse.Outcome(404, "not-found", $"Resource {type}/{id} is not in the replayed file.");
            case [var type]:
                var (page, error) = FhirSearch.Run(store.All(type), query, PageSize);
                return page is null
                    ? FhirResponse.Outcome(400, "invalid", error ?? "Invalid search.")
                    : FhirResponse.Json(200, Searchsets.Write(page, BaseUrlOf(slot), type, DateTimeOffset.UtcNow));
            default:
                return FhirResponse.Outcome(400, "not-supported", "Only read and search are served.");
        }
    }
}
