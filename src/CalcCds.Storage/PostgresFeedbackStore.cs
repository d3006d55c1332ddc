using System.Data.Common;
using Npgsql;

namespace CalcCds.Storage;

/// <summary>
/// PostgreSQL, for several instances behind a load balancer. Migrations take a transaction-scoped advisory lock, so
/// instances starting together migrate one after the other. The server's own durability settings apply.
/// </summary>
public sealed class PostgresFeedbackStore : SqlFeedbackStore
{
    /// <summary>An arbitrary constant naming CalcCds's migration lock among the database's advisory locks.</summary>
    private const long MigrationLockKey = 0x43616C6343647331; // "CalcCds1"

    /// <summary>Names the lock that keeps feedback and evaluation-log transactions apart.</summary>
    private const long AttributionLockKey = 0x43616C6343647332; // "CalcCds2"

    private static readonly string[] Schema =
    [
        """
        CREATE TABLE evaluation (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            hook_instance TEXT NOT NULL,
            service_id TEXT NOT NULL,
            evaluated_unix_ms BIGINT NOT NULL,
            duration_ms DOUBLE PRECISION NOT NULL,
            prefetch_provided BIGINT NOT NULL,
            prefetch_fetched BIGINT NOT NULL,
            card_count BIGINT NOT NULL);
        CREATE INDEX ix_evaluation_time ON evaluation (evaluated_unix_ms);
        CREATE INDEX ix_evaluation_hook ON evaluation (hook_instance);
        CREATE TABLE evaluation_card (
            card_uuid TEXT PRIMARY KEY,
            evaluation_id BIGINT NOT NULL,
            rule_id TEXT NOT NULL,
            indicator TEXT NOT NULL,
            evaluated_unix_ms BIGINT NOT NULL);
        CREATE INDEX ix_evaluation_card_time ON evaluation_card (evaluated_unix_ms);
        CREATE INDEX ix_evaluation_card_evaluation ON evaluation_card (evaluation_id);
        CREATE TABLE feedback (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            service_id TEXT NOT NULL,
            card_uuid TEXT NOT NULL,
            rule_id TEXT,
            outcome TEXT NOT NULL,
            accepted_suggestions TEXT NOT NULL,
            override_system TEXT,
            override_code TEXT,
            override_display TEXT,
            user_comment TEXT,
            outcome_unix_ms BIGINT NOT NULL,
            received_unix_ms BIGINT NOT NULL,
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

    private readonly NpgsqlDataSource dataSource;

    public PostgresFeedbackStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    protected override IReadOnlyList<string> Migrations => Schema;

    /// <summary>Host and database only: the connection string may hold a password.</summary>
    public override string ToString()
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"PostgreSQL {settings.Host}:{settings.Port}/{settings.Database}";
    }

    protected override string MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    // Evaluation batches share the lock (instances still log side by side); feedback takes it alone. It is a few
    // writes a minute, so waiting for in-flight batches to commit costs little.
    protected override string FeedbackLockSql => $"SELECT pg_advisory_xact_lock({AttributionLockKey})";

    protected override string EvaluationLogLockSql => $"SELECT pg_advisory_xact_lock_shared({AttributionLockKey})";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override async ValueTask DisposeCoreAsync()
    {
        await dataSource.DisposeAsync();
        await base.DisposeCoreAsync();
    }
}
