using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CalcCds.Api;
using CalcCds.Pathway.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CalcCds.Cli.Replay;

/// <summary>What answered a call: the status and the parsed JSON body (null when the body was not JSON).</summary>
internal sealed record CdsAnswer(int StatusCode, JsonNode? Body, string RawBody)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}

/// <summary>
/// The CDS service being replayed against: the real CalcCds host started in-process on loopback (security off,
/// clock settable), or a running service at <c>--service</c>, called with a signed JWT when a key is given.
/// </summary>
internal sealed class CdsTarget : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly WebApplication? host;
    private readonly RequestSigner? signer;
    private readonly HashSet<string>? implementedRules;

    private CdsTarget(Uri baseUrl, HttpClient http, WebApplication? host, ReplayClock? clock, RequestSigner? signer)
    {
        BaseUrl = baseUrl;
        this.http = http;
        this.host = host;
        Clock = clock;
        this.signer = signer;
        implementedRules = host?.Services.GetServices<IRule>().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Base URL with a trailing slash; services are at <c>cds-services/{id}</c> below it.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The in-process service's clock; null for a remote service, whose clock we cannot pin.</summary>
    public ReplayClock? Clock { get; }

    /// <summary>Whether the service has the rule; a remote service is taken to have every rule it is expected to fire.</summary>
    public bool IsImplemented(string ruleId) => implementedRules?.Contains(ruleId) ?? true;

    /// <summary>True for the service this process hosts (its configuration can be chosen per run).</summary>
    public bool IsInProcess => host is not null;

    /// <summary>Starts the service in this process; <paramref name="settings"/> are extra configuration keys (an
    /// expectations file's <c>settings</c>).</summary>
    public static async Task<CdsTarget> StartInProcessAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Development in the service's own folder means security Disabled through appsettings.Development.json;
        // here the content root is the CLI's, so say it explicitly. Nothing but this process can reach 127.0.0.1:port
        // for long, and the CLI is the only caller.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CalcCds:Security:Mode"] = "Disabled",
        });
        if (settings is { Count: > 0 })
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCalcCdsServices();
        var clock = new ReplayClock();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(clock);

        var app = builder.Build();
        app.UseCalcCds();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var baseUrl = new Uri(address.TrimEnd('/') + "/");
        return new CdsTarget(baseUrl, new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) }, app, clock, null);
    }

    public static CdsTarget Remote(Uri service, RequestSigner? signer)
    {
        var baseUrl = new Uri(service.AbsoluteUri.TrimEnd('/') + "/");
        return new CdsTarget(baseUrl, new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) }, null, null, signer);
    }

    public Task<CdsAnswer> DiscoverAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "cds-services", null, cancellationToken);

    public Task<CdsAnswer> CallAsync(string serviceId, JsonObject request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "cds-services/" + Uri.EscapeDataString(serviceId), request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }

    private async Task<CdsAnswer> SendAsync(HttpMethod method, string relative, JsonObject? body, CancellationToken cancellationToken)
    {
        var url = new Uri(BaseUrl, relative);
        using var message = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (signer is not null)
        {
            // CDS Hooks: the audience is the exact URL being called, so each call gets its own token.
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signer.Sign(url));
        }

        using var response = await http.SendAsync(message, cancellationToken);
        var raw = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? parsed = null;
        try
        {
            parsed = raw.Length == 0 ? null : JsonNode.Parse(raw);
        }
        catch (System.Text.Json.JsonException)
        {
            // Left null: the caller reports the status and the start of the raw body.
        }

        return new CdsAnswer((int)response.StatusCode, parsed, raw);
    }
}

/// <summary>A clock the runner pins per file (to the expectations' <c>asOf</c> or <c>--as-of</c>); otherwise real time.</summary>
internal sealed class ReplayClock : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset? pinned;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return pinned ?? base.GetUtcNow();
        }
    }

    /// <summary>Noon UTC on the date, as the samples' tests do, so a day boundary in any zone does not move windows.</summary>
    public void Pin(DateOnly? date)
    {
        lock (gate)
        {
            pinned = date is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero) : null;
        }
    }
}
