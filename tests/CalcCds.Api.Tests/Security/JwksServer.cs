using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CalcCds.Api.Tests.Security;

/// <summary>An issuer's JWKS endpoint on loopback that counts every request it receives, served or not.</summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> hits = new(StringComparer.Ordinal);

    private JwksServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int TotalRequests => hits.Values.Sum();

    public static async Task<JwksServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new JwksServer(builder.Build());
        server.app.Run(server.ServeAsync);
        await server.app.StartAsync();
        server.BaseAddress = new Uri(server.app.Urls.Single());
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public void Serve(string path, string jwks) => documents[path] = jwks;

    public int RequestsTo(string path) => hits.GetValueOrDefault(path);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (!documents.TryGetValue(path, out var json))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }
}
