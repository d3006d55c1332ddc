using System.CommandLine;
using System.Text.Json;
using CalcCds.Api.Feedback;
using CalcCds.Api.Operations;
using CalcCds.Cli.Replay;
using CalcCds.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Spectre.Console;

namespace CalcCds.Cli.Feedback;

/// <summary>
/// <c>calccds feedback report</c>: the analytics of <c>GET /admin/feedback/report</c>, read from the store the service
/// writes (configured like the service, or <c>--sqlite</c>/<c>--postgres</c>) or from a running service.
/// </summary>
internal static class FeedbackCommand
{
    private const string ExitCodeHelp = """
        Exit codes:
          0  report printed (also when it is empty)
          2  usage error (bad option or date, two sources, missing SQLite file, malformed connection string)
          3  store or service error (database unreachable or not a CalcCds store, service unreachable, 401, 404)
        """;

    public static Command Create(TextWriter output, TextWriter error, IConfiguration configuration, Func<TextWriter, IAnsiConsole> consoleFor)
    {
        var sqlite = new Option<string>("--sqlite") { HelpName = "FILE", Description = "A CalcCds SQLite database (calccds.db), or the data folder holding it." };
        var postgres = new Option<string>("--postgres") { HelpName = "CONNECTION", Description = "An Npgsql connection string to the service's PostgreSQL database." };
        var service = new Option<string>("--service") { HelpName = "URL", Description = "Base URL of a running CalcCds: read its analytics endpoint instead of a store." };
        var adminKey = new Option<string>("--admin-key")
        {
            HelpName = "KEY",
            Description = "The service's admin key (X-CalcCds-Admin-Key); default: CalcCds:Admin:ApiKey from the environment (CalcCds__Admin__ApiKey), which keeps it out of the process list.",
        };
        var from = new Option<string>("--from") { HelpName = "DATE", Description = "Start, inclusive (ISO 8601 date or date-time, UTC when no offset); default: 30 days before --to." };
        var to = new Option<string>("--to") { HelpName = "DATE", Description = "End, exclusive; default: now." };
        var period = new Option<string>("--period") { Description = "Rows per rule and day, week (ISO, from Monday) or month.", DefaultValueFactory = _ => "week" };
        period.AcceptOnlyFromAmong("day", "week", "month");
        var format = new Option<string>("--format") { Description = "table: aligned, for people; json: the analytics endpoint's JSON.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var report = new Command(
            "report",
            "Per rule and period: cards shown, accepted, overridden, override reasons with counts, acceptance rate. "
            + "Without --sqlite/--postgres/--service the store is found from the service's configuration keys "
            + "(CalcCds:Storage:Provider, DataFolder, PostgreSqlConnectionString; environment CalcCds__Storage__*).\n\n" + ExitCodeHelp)
        {
            sqlite, postgres, service, adminKey, from, to, period, format,
        };
        report.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var query = ReportQuery.TryParse(parse.GetValue(from), parse.GetValue(to), parse.GetValue(period), DateTimeOffset.UtcNow)
                    ?? throw new UsageException(ReportQuery.Rules.Replace("'from'", "--from", StringComparison.Ordinal).Replace("'to'", "--to", StringComparison.Ordinal).Replace("'period'", "--period", StringComparison.Ordinal));
                await using var source = Source(parse.GetValue(sqlite), parse.GetValue(postgres), parse.GetValue(service), parse.GetValue(adminKey), configuration);
                var result = await source.ReadAsync(query, cancellationToken);
                if (parse.GetValue(format) == "json")
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(result, ReportJsonContext.Default.FeedbackReport));
                }
                else
                {
                    ReportTable.Write(consoleFor(output), result, source.Description);
                }

                return ExitCodes.Ok;
            }
            catch (UsageException e)
            {
                await error.WriteLineAsync("error: " + e.Message);
                return ExitCodes.Usage;
            }
            catch (SourceException e)
            {
                await error.WriteLineAsync("error: " + e.Message);
                return ExitCodes.ServiceOrFhirError;
            }
#pragma warning disable CA1031 // As for replay: never a stack trace; anything unforeseen becomes one line and exit code 3.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                await error.WriteLineAsync($"error: {e.GetType().Name}: {e.Message}");
                return ExitCodes.ServiceOrFhirError;
            }
        });

        return new Command("feedback", "Clinician feedback on CalcCds cards.") { report };
    }

    private static ReportSource Source(string? sqlite, string? postgres, string? service, string? adminKey, IConfiguration configuration)
    {
        if (new[] { sqlite, postgres, service }.Count(s => s is not null) > 1)
        {
            throw new UsageException("give one of --sqlite, --postgres or --service");
        }

        if (service is not null)
        {
            if (!Uri.TryCreate(service, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"--service {service}: not an absolute http(s) URL");
            }

            var key = adminKey ?? configuration[AdminOptions.Section + ":" + nameof(AdminOptions.ApiKey)];
            return string.IsNullOrEmpty(key)
                ? throw new UsageException("--service needs the admin key: --admin-key, or CalcCds__Admin__ApiKey in the environment")
                : new ServiceReportSource(url, key);
        }

        if (adminKey is not null)
        {
            throw new UsageException("--admin-key goes with --service; a store is read directly");
        }

        if (sqlite is not null)
        {
            return Sqlite(sqlite, "--sqlite " + sqlite);
        }

        if (postgres is not null)
        {
            return Postgres(postgres, "--postgres");
        }

        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(options);
        return options.Provider switch
        {
            StorageProvider.PostgreSql => Postgres(
                options.PostgreSqlConnectionString ?? throw new UsageException($"{StorageOptions.Section}:Provider is PostgreSql but {StorageOptions.Section}:PostgreSqlConnectionString is not set"),
                $"{StorageOptions.Section}:PostgreSqlConnectionString"),
            _ => Sqlite(options.ResolveDataFolder(), $"{StorageOptions.Section}:DataFolder ({options.ResolveDataFolder()})"),
        };
    }

    private static StoreReportSource Sqlite(string path, string origin)
    {
        var full = Path.GetFullPath(path);
        var (folder, file) = Directory.Exists(full)
            ? (full, SqliteFeedbackStore.FileName)
            : (Path.GetDirectoryName(full) ?? full, Path.GetFileName(full));
        if (!File.Exists(Path.Combine(folder, file)))
        {
            throw new UsageException($"{origin}: no SQLite database at {Path.Combine(folder, file)}");
        }

        return new StoreReportSource(new SqliteFeedbackStore(folder, TimeSpan.FromSeconds(10), file) { ApplyMigrations = false });
    }

    private static StoreReportSource Postgres(string connectionString, string origin)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return new StoreReportSource(new PostgresFeedbackStore(connectionString) { ApplyMigrations = false });
        }
        catch (ArgumentException e)
        {
            // The message names the bad keyword, never the value: the string may hold a password.
            throw new UsageException($"{origin}: not a valid PostgreSQL connection string ({e.Message})");
        }
    }
}
