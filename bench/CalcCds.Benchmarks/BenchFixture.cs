using CalcCds.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CalcCds.Benchmarks;

/// <summary>
/// The ~100 KB patient-view request of bench/fixtures (see make_fixture.py there) and the product's own service
/// container, composed by <see cref="CalcCdsApplication"/> exactly as the host does, but never started.
/// </summary>
public static class BenchFixture
{
    public static byte[] RequestBody() => File.ReadAllBytes(Path.Combine(FindBenchFolder(), "fixtures", "patient-view-100k.json"));

    public static WebApplication CreateHost()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration["CalcCds:Security:Mode"] = "Disabled";
        builder.Configuration["CalcCds:Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), "calccds-bench");
        builder.Logging.ClearProviders();
        builder.AddCalcCdsServices();
        return builder.Build();
    }

    private static string FindBenchFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "bench", "fixtures");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(folder.FullName, "bench");
            }
        }

        throw new DirectoryNotFoundException("bench/fixtures not found above " + AppContext.BaseDirectory);
    }
}
