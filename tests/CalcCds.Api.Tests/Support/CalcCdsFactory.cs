using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CalcCds.Api.Tests.Support;

/// <summary>
/// Starts the real CalcCds host on Kestrel, bound to a free loopback port, with the clock pinned to the date the
/// samples were written against (so look-back windows give the same answer every day) and optional settings.
/// </summary>
public sealed class CalcCdsFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset SampleDate = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> settings;
    private readonly ILoggerProvider? loggerProvider;

    public CalcCdsFactory(IDictionary<string, string?>? settings = null, ILoggerProvider? loggerProvider = null)
    {
        this.loggerProvider = loggerProvider;
        this.settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["CalcCds:Security:Mode"] = "Disabled",
            ["CalcCds:Storage:DataFolder"] = DataFolder,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }

        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public FixedTimeProvider Clock { get; } = new(SampleDate);

    /// <summary>A fresh SQLite data folder per factory, so tests never share or leave a database behind.</summary>
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "calccds-test-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (loggerProvider is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(loggerProvider));
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    /// <summary>A client for the running Kestrel server.</summary>
    public HttpClient CreateLoopbackClient()
    {
        StartServer();
        return CreateClient();
    }
}

/// <summary>A clock that stands still unless a test moves it.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
