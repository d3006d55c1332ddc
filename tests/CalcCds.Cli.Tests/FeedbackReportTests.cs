using System.Net;
using System.Text.Json;
using CalcCds.Api;
using CalcCds.Api.Feedback;
using CalcCds.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CalcCds.Cli.Tests;

/// <summary>
/// <c>calccds feedback report</c> against a known feedback set: the week of Monday 16 Nov 2026 has CC1 shown 4 times
/// (1 accepted — reported twice —, 3 overridden: not-relevant ×2, patient-declined ×1) and DQ1 shown twice (1 overridden
/// without a reason); the week of 23 Nov has CC1 shown once and accepted.
/// </summary>
public abstract class FeedbackReportTests
{
    protected const string Range = "--from=2026-11-15 --to=2026-11-30";

    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Writes the known set through the store's own API, as the service would have.</summary>
    protected static async Task SeedAsync(IFeedbackStore store)
    {
        await store.InitializeAsync(default);
        await store.RecordEvaluationsAsync(
        [
            Evaluation("h1", Monday, ("c1", "CC1"), ("d1", "DQ1")),
            Evaluation("h2", Monday.AddDays(1), ("c2", "CC1"), ("d2", "DQ1")),
            Evaluation("h3", Monday.AddDays(2), ("c3", "CC1")),
            Evaluation("h4", Monday.AddDays(6), ("c4", "CC1")),
            Evaluation("h5", Monday.AddDays(7), ("c5", "CC1")),
        ], default);
        await store.AddAsync(
        [
            Entry("c1", "accepted", Monday.AddHours(1)),
            Entry("c1", "accepted", Monday.AddHours(2)),
            Entry("c2", "overridden", Monday.AddDays(1), "not-relevant"),
            Entry("c3", "overridden", Monday.AddDays(2), "not-relevant"),
            Entry("c4", "overridden", Monday.AddDays(6), "patient-declined"),
            Entry("d1", "overridden", Monday.AddHours(1)),
            Entry("c5", "accepted", Monday.AddDays(7)),
        ], default);
    }

    private protected static Task<CliResult> RunAsync(string command, IDictionary<string, string?>? configuration = null) =>
        CliResult.RunAsync(command.Split(' ', StringSplitOptions.RemoveEmptyEntries), configuration ?? new Dictionary<string, string?>());

    /// <summary>The cells of the table row for a rule and period start.</summary>
    private protected static string[] Row(CliResult result, string rule, string periodStart)
    {
        var line = result.Output.Split('\n').Single(l => l.Contains(" " + rule + " ", StringComparison.Ordinal) && l.Contains(periodStart, StringComparison.Ordinal));
        return [.. line.Split('│', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).Where(c => c.Length > 0)];
    }

    private protected static void AssertKnownTable(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(["CC1", "2026-11-16", "4", "1", "3", "25.0%", "not-relevant 2"], Row(result, "CC1", "2026-11-16"));
        Assert.Contains("patient-declined 1", result.Output, StringComparison.Ordinal);
        Assert.Equal(["DQ1", "2026-11-16", "2", "0", "1", "0.0%", "(no reason given) 1"], Row(result, "DQ1", "2026-11-16"));
        Assert.Equal(["CC1", "2026-11-23", "1", "1", "0", "100.0%", "-"], Row(result, "CC1", "2026-11-23"));
    }

    private static EvaluationRecord Evaluation(string hookInstance, DateTimeOffset at, params (string Card, string Rule)[] cards) => new()
    {
        HookInstance = hookInstance,
        ServiceId = "calccds-patient-view",
        EvaluatedAt = at,
        Duration = TimeSpan.FromMilliseconds(10),
        PrefetchProvided = 3,
        PrefetchFetched = 0,
        Cards = cards.Select(c => new EvaluatedCard(c.Card, c.Rule, "warning")).ToList(),
    };

    private static FeedbackEntry Entry(string card, string outcome, DateTimeOffset at, string? reason = null) => new()
    {
        ServiceId = "calccds-patient-view",
        CardUuid = card,
        Outcome = outcome,
        AcceptedSuggestionIds = outcome == "accepted" ? ["s-1"] : [],
        OverrideReasonSystem = reason is null ? null : "http://calccds.org/fhir/CodeSystem/override-reason",
        OverrideReasonCode = reason,
        OutcomeTimestamp = at,
        ReceivedAt = at.AddSeconds(2),
    };
}

public sealed class SqliteFeedbackReportTests : FeedbackReportTests, IAsyncLifetime
{
    private readonly TempFolder folder = new();

    private string Database => Path.Combine(folder.Path, SqliteFeedbackStore.FileName);

    public async Task InitializeAsync()
    {
        await using var store = new SqliteFeedbackStore(folder.Path, TimeSpan.FromSeconds(5));
        await SeedAsync(store);
    }

    public Task DisposeAsync()
    {
        SqliteConnectionPools.Clear();
        folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Table_shows_shown_accepted_overridden_reasons_and_rate_per_rule_and_week()
    {
        var result = await RunAsync($"feedback report --sqlite {Database} {Range}");

        AssertKnownTable(result);
    }

    [Fact]
    public async Task Json_is_the_analytics_endpoint_report()
    {
        var result = await RunAsync($"feedback report --sqlite {Database} {Range} --format json");

        var report = JsonSerializer.Deserialize(result.Output, ReportJsonContext.Default.FeedbackReport)!;
        var cc1 = report.Rules.Single(r => r.RuleId == "CC1" && r.PeriodStart.Day == 16);
        Assert.Equal((4L, 1, 3, 0.25), (cc1.Shown, cc1.Accepted, cc1.Overridden, cc1.AcceptanceRate!.Value));
        Assert.Equal([("not-relevant", 2), ("patient-declined", 1)], cc1.OverrideReasons.Select(r => (r.Code!, r.Cards)));
        Assert.Equal(3, report.Rules.Count);
    }

    [Fact]
    public async Task Day_period_gives_a_row_per_rule_and_day()
    {
        var result = await RunAsync($"feedback report --sqlite {Database} {Range} --period day");

        Assert.Equal(["CC1", "2026-11-17", "1", "0", "1", "0.0%", "not-relevant 1"], Row(result, "CC1", "2026-11-17"));
    }

    [Fact]
    public async Task A_data_folder_is_read_like_its_database()
    {
        var result = await RunAsync($"feedback report --sqlite {folder.Path} {Range}");

        AssertKnownTable(result);
    }

    [Fact]
    public async Task The_store_is_found_from_the_service_configuration_keys()
    {
        var result = await RunAsync($"feedback report {Range}", new Dictionary<string, string?> { ["CalcCds:Storage:DataFolder"] = folder.Path });

        AssertKnownTable(result);
    }

    [Fact]
    public async Task A_range_without_data_prints_an_empty_report()
    {
        var result = await RunAsync($"feedback report --sqlite {Database} --from=2025-01-01 --to=2025-02-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No cards shown and no feedback", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_file_is_a_usage_error_and_creates_nothing()
    {
        var missing = Path.Combine(folder.Path, "elsewhere", "calccds.db");

        var result = await RunAsync($"feedback report --sqlite {missing}");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no SQLite database at " + missing, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_file_that_is_not_a_calccds_store_is_a_store_error()
    {
        var other = folder.Write("other.db", "");

        var result = await RunAsync($"feedback report --sqlite {other}");

        Assert.Equal(ExitCodes.ServiceOrFhirError, result.ExitCode);
        Assert.Contains("no CalcCds schema", result.Error, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task Two_sources_are_a_usage_error()
    {
        var result = await RunAsync($"feedback report --sqlite {Database} --postgres Host=localhost");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("one of --sqlite, --postgres or --service", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_a_usage_error()
    {
        var result = await RunAsync($"feedback report --sqlite {Database} --from=yesterday");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--from", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_a_usage_error_that_does_not_echo_it()
    {
        var result = await RunAsync("feedback report --postgres Host=db;Passwrd=secret-value");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("not a valid PostgreSQL connection string", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_is_a_store_error()
    {
        var result = await RunAsync($"feedback report --postgres Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=2");

        Assert.Equal(ExitCodes.ServiceOrFhirError, result.ExitCode);
        Assert.Contains("cannot read PostgreSQL 127.0.0.1", result.Error, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task A_running_service_is_read_through_its_analytics_endpoint()
    {
        await using var service = await RunningService.StartAsync(folder.Path);

        var result = await RunAsync($"feedback report --service {service.Url} --admin-key {RunningService.AdminKey} {Range}");

        AssertKnownTable(result);
    }

    [Fact]
    public async Task The_admin_key_may_come_from_the_environment_configuration()
    {
        await using var service = await RunningService.StartAsync(folder.Path);

        var result = await RunAsync($"feedback report --service {service.Url} {Range}", new Dictionary<string, string?> { ["CalcCds:Admin:ApiKey"] = RunningService.AdminKey });

        AssertKnownTable(result);
    }

    [Fact]
    public async Task A_wrong_admin_key_is_reported_as_401()
    {
        await using var service = await RunningService.StartAsync(folder.Path);

        var result = await RunAsync($"feedback report --service {service.Url} --admin-key {new string('x', 40)}");

        Assert.Equal(ExitCodes.ServiceOrFhirError, result.ExitCode);
        Assert.Contains("refused the admin key (401)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_service_is_a_service_error()
    {
        var result = await RunAsync($"feedback report --service http://127.0.0.1:{ClosedPort()} --admin-key {RunningService.AdminKey}");

        Assert.Equal(ExitCodes.ServiceOrFhirError, result.ExitCode);
        Assert.Contains("cannot reach http://127.0.0.1", result.Error, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class PostgresFeedbackReportTests : FeedbackReportTests, IAsyncLifetime
{
    private string? schema;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not { } server)
        {
            return;
        }

        schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
        await using var store = new PostgresFeedbackStore(connectionString);
        await SeedAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (schema is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [PostgresFact]
    public async Task Table_shows_the_known_numbers_from_postgresql()
    {
        var result = await CliResult.RunAsync(["feedback", "report", "--postgres", connectionString, .. Range.Split(' ')], new Dictionary<string, string?>());

        AssertKnownTable(result);
    }

    [PostgresFact]
    public async Task The_postgresql_store_is_found_from_the_service_configuration_keys()
    {
        var result = await RunAsync($"feedback report {Range}", new Dictionary<string, string?>
        {
            ["CalcCds:Storage:Provider"] = "PostgreSql",
            ["CalcCds:Storage:PostgreSqlConnectionString"] = connectionString,
        });

        AssertKnownTable(result);
    }

    [PostgresFact]
    public async Task The_report_prints_the_server_but_never_the_connection_string()
    {
        var result = await CliResult.RunAsync(["feedback", "report", "--postgres", connectionString + ";Password=never-printed", .. Range.Split(' ')], new Dictionary<string, string?>());

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("never-printed", result.All, StringComparison.Ordinal);
    }
}

/// <summary>A CalcCds service on loopback over a data folder, with analytics enabled by a known admin key.</summary>
internal sealed class RunningService : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789abcdefghijkl";

    private readonly WebApplication app;

    private RunningService(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<RunningService> StartAsync(string dataFolder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CalcCds:Security:Mode"] = "Disabled",
            ["CalcCds:Storage:DataFolder"] = dataFolder,
            ["CalcCds:Admin:ApiKey"] = AdminKey,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCalcCdsServices();
        var app = builder.Build();
        app.UseCalcCds();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningService(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>SQLite keeps pooled connections (and so file handles) open; a test clears them before deleting its folder.</summary>
internal static class SqliteConnectionPools
{
    public static void Clear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
