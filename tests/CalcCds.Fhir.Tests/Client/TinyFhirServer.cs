using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CalcCds.Fhir.Tests.Client;

/// <summary>
/// A loopback Kestrel endpoint that answers every GET with the given handler and records what it
/// received. Just enough FHIR server for the client tests (the full test server lives elsewhere).
/// </summary>
internal sealed class TinyFhirServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TinyFhirServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Each request as (path and query, Authorization header, Accept header).</summary>
    public ConcurrentQueue<(string Url, string? Authorization, string? Accept)> Requests { get; } = new();

    public static async Task<TinyFhirServer> StartAsync(Func<HttpContext, TinyFhirServer, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TinyFhirServer? server = null;
        app.Run(async context =>
        {
            server!.Requests.Enqueue((
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.FirstOrDefault(),
                context.Request.Headers.Accept.FirstOrDefault()));
            await handle(context, server);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new TinyFhirServer(app, new Uri(address + "/fhir/"));
        return server;
    }

    /// <summary>A server that answers every request with one FHIR JSON body.</summary>
    public static Task<TinyFhirServer> ServingAsync(string fhirJson, int status = 200) =>
        StartAsync((context, _) => RespondAsync(context, fhirJson, status));

    public static async Task RespondAsync(HttpContext context, string body, int status = 200, string contentType = "application/fhir+json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
