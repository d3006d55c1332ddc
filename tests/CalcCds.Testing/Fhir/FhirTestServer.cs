using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CalcCds.FhirEndpoint;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CalcCds.Testing.Fhir;

/// <summary>
/// A real FHIR R4 server for tests: Kestrel on 127.0.0.1 and a free port, serving reads and the search
/// subset our prefetch templates use from in-memory raw JSON, with bearer-token checking, request
/// recording and fault injection. It does not use our own FHIR model, so it can judge that model's client.
/// </summary>
public sealed partial class FhirTestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FhirTestServerOptions options;
    private readonly string pathBase;
    private readonly ResourceStore store = new();
    private readonly RequestLog log = new(TimeProvider.System);
    private volatile string? requiredBearerToken;

    private FhirTestServer(WebApplication app, FhirTestServerOptions options)
    {
        this.app = app;
        this.options = options;
        var prefix = options.PathPrefix.Trim('/');
        pathBase = prefix.Length == 0 ? string.Empty : "/" + prefix;
        requiredBearerToken = options.RequiredBearerToken;
        BaseUrl = new Uri("http://127.0.0.1/"); // replaced once Kestrel has bound its port
    }

    /// <summary>The FHIR base, with a trailing slash, e.g. <c>http://127.0.0.1:43127/fhir/</c>.</summary>
    public Uri BaseUrl { get; private set; }

    public FaultRules Faults { get; } = new();

    /// <summary>When set, every request without exactly <c>Authorization: Bearer &lt;token&gt;</c> gets 401.</summary>
    public string? RequiredBearerToken
    {
        get => requiredBearerToken;
        set => requiredBearerToken = value;
    }

    /// <summary>Every request received since start (or the last <see cref="ClearRequests"/>), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => log.Snapshot();

    /// <summary>The most requests that were in flight at the same moment.</summary>
    public int MaxConcurrentRequests => log.MaxInFlight;

    public int ResourceCount => store.Count;

    public static async Task<FhirTestServer> StartAsync(FhirTestServerOptions? options = null)
    {
        options ??= new FhirTestServerOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "FhirTestServer",
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The output folder may hold the service's appsettings.json; a Kestrel section there would rebind us.
        foreach (var json in builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList())
        {
            builder.Configuration.Sources.Remove(json);
        }

        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.UseShutdownTimeout(options.ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        var app = builder.Build();
        var server = new FhirTestServer(app, options);
        app.Run(server.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + server.pathBase + "/");
        return server;
    }

    /// <summary>Stores a copy of the resource (a new GUID id if it has none); returns <c>Type/id</c>.</summary>
    public string AddResource(JsonObject resource) => store.Add(resource);

    public void AddResources(IEnumerable<JsonObject> resources)
    {
        foreach (var resource in resources)
        {
            store.Add(resource);
        }
    }

    /// <summary>Stores every entry resource of a Bundle file, <c>urn:uuid:</c> references rewritten. Returns the count.</summary>
    public int LoadBundle(string path)
    {
        var bundle = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidDataException(path + " is not a JSON object.");
        return LoadBundle(bundle);
    }

    public int LoadBundle(JsonObject bundle)
    {
        var resources = FhirBundles.ExtractResources(bundle);
        AddResources(resources);
        return resources.Count;
    }

    /// <summary>Loads <c>fhir-samples/{name}.json</c>.</summary>
    public int LoadSample(string name) => LoadBundle(Path.Combine(RepoPaths.Samples, name + ".json"));

    /// <summary>Removes every resource (requests, faults and the token stay as they are).</summary>
    public void Clear() => store.Clear();

    public void ClearRequests() => log.Clear();

    /// <summary>Back to a just-started server: no resources, requests, fault rules or required token.</summary>
    public void Reset()
    {
        Clear();
        Faults.Clear();
        RequiredBearerToken = null;
        ClearRequests();
    }

    public Uri UrlFor(string relative) => new(BaseUrl, relative);

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(options.ShutdownTimeout))
        {
            await app.StopAsync(timeout.Token);
        }

        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = Describe(context);
        var index = log.Begin(request);
        var fault = Faults.Take(request);
        try
        {
            if (fault is DropConnectionFault)
            {
                log.End(index, null, fault.Name);
                context.Abort();
                return;
            }

            if (fault is DelayFault delay)
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(
                    context.RequestAborted, app.Lifetime.ApplicationStopping);
                await Task.Delay(delay.Duration, stop.Token);
            }

            var response = fault is null or DelayFault ? Serve(context, request) : FaultResponse(fault);
            log.End(index, response.StatusCode, fault?.Name);
            await WriteAsync(context, response);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            context.Abort();
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            // A bug in the test server should read as one in a test's output, not as an empty 500.
            var response = FhirResponse.Outcome(500, "exception", "Test server error: " + ex);
            log.End(index, response.StatusCode, fault?.Name);
            await WriteAsync(context, response);
        }
        finally
        {
            log.End(index, null, fault?.Name); // no-op unless nothing was sent
        }
    }

    private FhirResponse Serve(HttpContext context, RecordedRequest request)
    {
        if (requiredBearerToken is { } token && request.BearerToken != token)
        {
            var why = request.HasAuthorization ? "Bearer token not accepted." : "Authorization required.";
            return FhirResponse.Outcome(401, "login", why) with { Headers = [new("WWW-Authenticate", "Bearer")] };
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            return FhirResponse.Outcome(405, "not-supported", "This test server only answers GET.");
        }

        if (!IsUnderBase(context.Request.Path))
        {
            return FhirResponse.Outcome(404, "not-found", "Not a FHIR endpoint: " + request.Path);
        }

        var segments = request.RelativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["metadata"] => FhirResponse.Json(200, CapabilityStatement()),
            [var type] when ResourceTypePattern().IsMatch(type) => Search(type, request),
            [var type, var id] when ResourceTypePattern().IsMatch(type) => Read(type, id),
            _ => FhirResponse.Outcome(400, "not-supported", "Unsupported interaction: " + request.RelativePath),
        };
    }

    private FhirResponse Read(string type, string id) =>
        store.Read(type, id) is { } resource
            ? FhirResponse.Resource(resource)
            : FhirResponse.Outcome(404, "not-found", $"Resource {type}/{id} is not known.");

    private FhirResponse Search(string type, RecordedRequest request)
    {
        var (page, error) = FhirSearch.Run(store.All(type), request.Query, options.DefaultPageSize);
        return page is null
            ? FhirResponse.Outcome(400, "invalid", error ?? "Invalid search.")
            : FhirResponse.Json(200, Searchsets.Write(page, BaseUrl, type, log.Now));
    }

    private static FhirResponse FaultResponse(FaultAction fault) => fault switch
    {
        StatusFault s => StatusFaultResponse(s),
        NonJsonBodyFault => FhirResponse.Text(200, "text/html; charset=utf-8",
            "<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Session expired</h1><p>Please sign in again.</p></body></html>"),
        NotFhirJsonFault => FhirResponse.Json(200, FhirResponse.Write(w =>
        {
            w.WriteString("status", "ok");
            w.WriteStartArray("items");
            w.WriteNumberValue(1);
            w.WriteNumberValue(2);
            w.WriteEndArray();
        })),
        _ => throw new InvalidOperationException("Unhandled fault " + fault.Name),
    };

    private static FhirResponse StatusFaultResponse(StatusFault fault)
    {
        var issue = fault.StatusCode switch
        {
            401 => "login",
            403 => "forbidden",
            404 => "not-found",
            429 => "throttled",
            503 => "transient",
            >= 500 => "exception",
            _ => "processing",
        };
        var response = FhirResponse.Outcome(fault.StatusCode, issue, "Injected fault: HTTP " + fault.StatusCode + ".");
        return fault.StatusCode switch
        {
            429 or 503 => response with
            {
                Headers = [new("Retry-After", ((int)Math.Ceiling((fault.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture))],
            },
            401 => response with { Headers = [new("WWW-Authenticate", "Bearer")] },
            _ => response,
        };
    }

    private static async Task WriteAsync(HttpContext context, FhirResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private RecordedRequest Describe(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var relative = IsUnderBase(context.Request.Path) ? path[pathBase.Length..].TrimStart('/') : path.TrimStart('/');
        var firstSegment = relative.Split('/', 2)[0];
        var authorization = context.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return new RecordedRequest(
            context.Request.Method,
            path,
            relative,
            ResourceTypePattern().IsMatch(firstSegment) ? firstSegment : null,
            context.Request.QueryString.Value ?? string.Empty,
            authorization.Length > 0,
            authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..] : null,
            log.Now);
    }

    private bool IsUnderBase(PathString path) =>
        pathBase.Length == 0 || path.StartsWithSegments(pathBase, StringComparison.Ordinal);

    private static byte[] CapabilityStatement() => FhirResponse.Write(w =>
    {
        w.WriteString("resourceType", "CapabilityStatement");
        w.WriteString("status", "active");
        w.WriteString("date", "2026-11-21");
        w.WriteString("kind", "instance");
        w.WriteString("fhirVersion", "4.0.1");
        w.WriteStartArray("format");
        w.WriteStringValue("json");
        w.WriteEndArray();
    });

    [GeneratedRegex("^[A-Z][A-Za-z]+$")]
    private static partial Regex ResourceTypePattern();
}
