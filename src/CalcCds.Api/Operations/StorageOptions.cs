using System.ComponentModel.DataAnnotations;

namespace CalcCds.Api.Operations;

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Where feedback and the evaluation log live, bound from <c>CalcCds:Storage</c> and validated at start-up.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "CalcCds:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The folder holding <c>calccds.db</c> (SQLite). Default: <c>CalcCds</c> under the user's local data
    /// folder (<c>~/.local/share/CalcCds</c> on Linux); the container image sets <c>/var/lib/calccds</c>.</summary>
    public string? DataFolder { get; set; }

    /// <summary>An Npgsql connection string; required when <see cref="Provider"/> is PostgreSql.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>How long a SQLite writer waits for another process's lock before failing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Evaluation-log rows older than this are deleted. Feedback is never deleted by the service.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan EvaluationRetention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the retention clean-up runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Hook calls waiting to be written to the evaluation log; beyond it new ones are dropped and counted.</summary>
    [Range(16, 1_000_000)]
    public int EvaluationLogQueue { get; set; } = 10_000;

    /// <summary>
    /// The shortest time between two evaluation-log commits. A call that finds the log idle is written at once; under
    /// load, the calls that arrive meanwhile are written together in the next commit (one transaction and one fsync
    /// for many calls instead of a few). A crash can lose at most this long's worth of queued calls, as before it
    /// could lose whatever was queued. <c>00:00:00</c> commits as fast as the store allows.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan EvaluationLogCommitInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long a hook call waits for the repeat-suppression lookup; past it the call shows every card (nothing is
    /// suppressed) rather than stall on a slow store.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan RepeatLookupTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public string ResolveDataFolder()
    {
        if (!string.IsNullOrWhiteSpace(DataFolder))
        {
            return Path.GetFullPath(DataFolder);
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(local) ? AppContext.BaseDirectory : local, "CalcCds");
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(PostgreSqlConnectionString))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(PostgreSqlConnectionString)} is required when {Section}:{nameof(Provider)} is {nameof(StorageProvider.PostgreSql)}.",
                [nameof(PostgreSqlConnectionString)]);
        }
    }
}
