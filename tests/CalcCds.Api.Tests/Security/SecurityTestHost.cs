using System.Net.Http.Headers;
using System.Text;
using CalcCds.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CalcCds.Api.Tests.Security;

/// <summary>
/// The service host the security tests run against: a real Kestrel server on 127.0.0.1 with the security
/// layer wired exactly as <c>Program.cs</c> is expected to wire it, and dummy CDS endpoints. This is the one
/// place to change when the tests should run against the real application instead.
/// </summary>
public sealed class SecurityTestHost : IAsyncDisposable
{
    /// <summary>The CDS client most tests trust.</summary>
    public const string TrustedIssuer = "https://ehr.example.org/fhir";

    private readonly WebApplication app;
    private readonly TaskCompletionSource heldEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource heldRelease = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SecurityTestHost(WebApplication app, LogCapture logs, TimeProvider time)
    {
        this.app = app;
        Logs = logs;
        Time = time;
    }

    public LogCapture Logs { get; }

    public TimeProvider Time { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; } = new();

    /// <summary>Completes when a call to <c>POST /cds-services/held</c> is inside its handler.</summary>
    public Task HeldRequestEntered => heldEntered.Task;

    public static async Task<SecurityTestHost> StartAsync(SecurityConfig config, string environment = "Production", TimeProvider? time = null)
    {
        var logs = new LogCapture();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Only the test's settings (no appsettings, no environment variables); UseUrls writes into the same
        // configuration, so it comes after.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(config.Values);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        time ??= TimeProvider.System;
        builder.Services.AddSingleton(time);
        builder.Services.AddCdsHooksSecurity(builder.Configuration, builder.Environment);

        var app = builder.Build();
        var host = new SecurityTestHost(app, logs, time);
        try
        {
            app.UseCdsHooksSecurity();
            host.MapEndpoints();
            await app.StartAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        host.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return host;
    }

    /// <summary>The absolute URL of <paramref name="path"/>: what a client puts in <c>aud</c>.</summary>
    public string Url(string path) => new Uri(BaseAddress, path.TrimStart('/')).ToString();

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, string? origin = null, string? body = null)
    {
        var request = new HttpRequestMessage(method, Url(path));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent(body ?? "{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);

    public Task<HttpResponseMessage> PostAsync(string path, string? token, string? body = null) =>
        SendAsync(HttpMethod.Post, path, token, body: body);

    public void ReleaseHeld() => heldRelease.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        ReleaseHeld();
        Client.Dispose();
        await app.DisposeAsync();
    }

    private void MapEndpoints()
    {
        app.MapGet("/health/live", () => Results.Ok());

        var cds = app.MapGroup("/cds-services").RequireCdsClient();
        cds.MapGet("", () => Results.Ok(new { services = Array.Empty<object>() }));
        cds.MapPost("/{id}", async (string id, HttpRequest request, CancellationToken cancellationToken) =>
        {
            // The body is read like a real service would, so any access token in it passes through the pipeline.
            using var reader = new StreamReader(request.Body);
            _ = await reader.ReadToEndAsync(cancellationToken);
            if (id == "held")
            {
                heldEntered.TrySetResult();
                await heldRelease.Task.WaitAsync(cancellationToken);
            }
            else if (id == "slow")
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Results.Ok(new { cards = Array.Empty<object>() });
        });
        cds.MapPost("/{id}/feedback", () => Results.Ok());
    }
}
