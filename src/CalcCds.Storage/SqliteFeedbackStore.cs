using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CalcCds.Storage;

/// <summary>
/// The embedded default: one SQLite file in a data folder, in WAL mode with <c>synchronous=FULL</c>. In WAL mode
/// NORMAL survives a process crash but may lose the last commits on power loss; FULL fsyncs the WAL at every commit, so
/// an acknowledged feedback entry survives both. Feedback traffic is a few writes a minute per EHR, so the fsync is
/// cheap next to what it protects.
/// </summary>
public sealed class SqliteFeedbackStore : SqlFeedbackStore
{
    public const string FileName = "calccds.db";

    private static readonly string[] Schema =
    [
        """
        CREATE TABLE evaluation (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            hook_instance TEXT NOT NULL,
            service_id TEXT NOT NULL,
            evaluated_unix_ms INTEGER NOT NULL,
            duration_ms REAL NOT NULL,
            prefetch_provided INTEGER NOT NULL,
            prefetch_fetched INTEGER NOT NULL,
            card_count INTEGER NOT NULL);
        CREATE INDEX ix_evaluation_time ON evaluation (evaluated_unix_ms);
        CREATE INDEX ix_evaluation_hook ON evaluation (hook_instance);
        CREATE TABLE evaluation_card (
            card_uuid TEXT PRIMARY KEY,
            evaluation_id INTEGER NOT NULL,
            rule_id TEXT NOT NULL,
            indicator TEXT NOT NULL,
            evaluated_unix_ms INTEGER NOT NULL);
        CREATE INDEX ix_evaluation_card_time ON evaluation_card (evaluated_unix_ms);
        CREATE INDEX ix_evaluation_card_evaluation ON evaluation_card (evaluation_id);
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            service_id TEXT NOT NULL,
            card_uuid TEXT NOT NULL,
            rule_id TEXT,
            outcome TEXT NOT NULL,
            accepted_suggestions TEXT NOT NULL,
            override_system TEXT,
            override_code TEXT,
            override_display TEXT,
            user_comment TEXT,
            outcome_unix_ms INTEGER NOT NULL,
            received_unix_ms INTEGER NOT NULL,
            issuer TEXT,
            tenant TEXT);
        CREATE INDEX ix_feedback_card ON feedback (card_uuid);
        CREATE INDEX ix_feedback_outcome_time ON feedback (outcome_unix_ms);
        """,

        // 2: repeat suppression (Product decision 9): who (hashed), which lesion, and what the card said.
        """
        ALTER TABLE evaluation ADD COLUMN patient_key TEXT;
        ALTER TABLE evaluation_card ADD COLUMN patient_key TEXT;
        ALTER TABLE evaluation_card ADD COLUMN lesion_key TEXT;
        ALTER TABLE evaluation_card ADD COLUMN fingerprint TEXT;
        CREATE INDEX ix_evaluation_card_patient ON evaluation_card (patient_key, evaluated_unix_ms);
        """,

        // 3: repeat suppression reads feedback by patient (issue #7), so its cost follows the patient's feedback, not
        // the patient's evaluation history. The key is the card's (already hashed) key, copied from the evaluation log.
        """
        ALTER TABLE feedback ADD COLUMN patient_key TEXT;
        UPDATE feedback SET patient_key = (SELECT c.patient_key FROM evaluation_card c WHERE c.card_uuid = feedback.card_uuid);
        CREATE INDEX ix_feedback_patient ON feedback (patient_key, received_unix_ms);
        """,
    ];

    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly string connectionString;
    private readonly string existingFileConnectionString;
    private readonly int busyTimeoutMs;

    private static readonly object Configured = new();

    // The pool hands back native connections this store has already set up, and their PRAGMAs still hold: parsing
    // them again at every open only cost CPU. Keyed weakly by the native handle, so a connection the pool closes
    // takes its entry with it, and a new one is set up on its first open.
    private readonly ConditionalWeakTable<sqlite3, object> configured = [];

    /// <param name="dataFolder">The folder of the database file, created on first use when migrations are applied.</param>
    /// <param name="busyTimeout">How long a writer waits for another process's lock.</param>
    /// <param name="fileName">The database file in <paramref name="dataFolder"/>; the service always uses <see cref="FileName"/>,
    /// tools may open a copy under another name.</param>
    public SqliteFeedbackStore(string dataFolder, TimeSpan busyTimeout, string fileName = FileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        DataFolder = Path.GetFullPath(dataFolder);
        DatabasePath = Path.Combine(DataFolder, fileName);
        busyTimeoutMs = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        var settings = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        connectionString = settings.ToString();
        // Without migrations nothing may be created: a mistyped path must fail, not leave an empty database behind.
        settings.Mode = SqliteOpenMode.ReadWrite;
        existingFileConnectionString = settings.ToString();
    }

    public string DataFolder { get; }

    public string DatabasePath { get; }

    protected override IReadOnlyList<string> Migrations => Schema;

    public override string ToString() => $"SQLite {DatabasePath}";

    protected override Task PrepareAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataFolder);
        return Task.CompletedTask;
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ApplyMigrations ? connectionString : existingFileConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection.Handle is { } handle && !configured.TryGetValue(handle, out _))
            {
                await using var command = connection.CreateCommand();
                // journal_mode is stored in the file; synchronous and busy_timeout belong to each connection.
                command.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={busyTimeoutMs};";
                await command.ExecuteNonQueryAsync(cancellationToken);
                configured.AddOrUpdate(handle, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection as the store's statements get it, for tests of its per-connection settings.</summary>
    internal Task<DbConnection> OpenForTestsAsync() => OpenAsync(CancellationToken.None);

    protected override async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken);
        return new Release(writer);
    }

    public override async Task CheckAsync(CancellationToken cancellationToken)
    {
        // A pooled connection keeps working on a file that was deleted or whose volume went away; look at the path.
        if (!File.Exists(DatabasePath))
        {
            throw new InvalidOperationException(Directory.Exists(DataFolder)
                ? $"The SQLite database {DatabasePath} is missing."
                : $"The data folder {DataFolder} does not exist or cannot be read.");
        }

        await base.CheckAsync(cancellationToken);
    }

    /// <summary>Checkpoints the WAL into the main file and closes pooled connections, so a clean shutdown leaves one file.</summary>
    protected override async ValueTask DisposeCoreAsync()
    {
        if (File.Exists(DatabasePath))
        {
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await command.ExecuteNonQueryAsync();
                SqliteConnection.ClearPool(connection);
            }
            catch (SqliteException)
            {
                // Shutting down: the WAL is replayed at the next start anyway.
            }
        }

        writer.Dispose();
        await base.DisposeCoreAsync();
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
