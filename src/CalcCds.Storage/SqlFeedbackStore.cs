using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.Json;

namespace CalcCds.Storage;

/// <summary>
/// The SQL both stores share. Instants are stored as Unix milliseconds (UTC) in 64-bit integers, so the statements,
/// the day arithmetic and the readers are identical on SQLite and PostgreSQL; only connection set-up and DDL differ.
/// </summary>
public abstract class SqlFeedbackStore : IFeedbackStore, IAsyncDisposable
{
    private const long MillisecondsPerDay = 86_400_000;

    // The repeat lookup runs on every hook call. Preparing its statement (parsing and planning the join) cost SQLite
    // several times what running it did, so a few connections are kept open with the statement prepared, one per
    // concurrent caller, instead of preparing it again on a pooled connection each time.
    private const int MaxIdleLookups = 8;

    private readonly SemaphoreSlim initializing = new(1, 1);
    private readonly ConcurrentBag<PreparedLookup> idleLookups = [];
    private volatile bool initialized;
    private volatile bool disposed;

    /// <summary>
    /// False for tools that only read (the CLI report): the store then never creates or migrates anything, so an older
    /// or newer CLI cannot change the schema under a running service; it only checks that a CalcCds schema is there.
    /// </summary>
    public bool ApplyMigrations { get; init; } = true;

    /// <summary>The schema, one migration per version, in order. Never edit a shipped migration: append one.</summary>
    protected abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>Opens a connection ready for use (per-connection settings applied).</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Makes sure the store's container exists (the SQLite folder); nothing to do for a server.</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Statement run first in the migration transaction so concurrent instances migrate one at a time.</summary>
    protected virtual string? MigrationLockSql => null;

    /// <summary>
    /// Statements run first in feedback and evaluation-log transactions so the two never overlap where writers run
    /// concurrently. Otherwise feedback inserted while its card's batch is uncommitted finds no patient key, and that
    /// batch's own fill-in cannot see the uncommitted feedback either. Null where writers are serialized already.
    /// </summary>
    protected virtual string? FeedbackLockSql => null;

    /// <inheritdoc cref="FeedbackLockSql"/>
    protected virtual string? EvaluationLogLockSql => null;

    /// <summary>Serializes this process's writers; SQLite has one writer at a time anyway, and queueing here is
    /// cheaper and fairer than every writer spinning on SQLITE_BUSY.</summary>
    protected virtual Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    public async ValueTask DisposeAsync()
    {
        await CloseLookupsAsync();
        await DisposeCoreAsync();
        initializing.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the store holds (connections, pools); runs once, at shutdown.</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (initialized)
        {
            return;
        }

        await initializing.WaitAsync(cancellationToken);
        try
        {
            if (!initialized)
            {
                if (ApplyMigrations)
                {
                    await PrepareAsync(cancellationToken);
                    await MigrateAsync(cancellationToken);
                }
                else
                {
                    await VerifySchemaAsync(cancellationToken);
                }

                initialized = true;
            }
        }
        finally
        {
            initializing.Release();
        }
    }

    public async Task AddAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await InitializeAsync(cancellationToken);
        using var gate = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, FeedbackLockSql, cancellationToken);
        foreach (var entry in entries)
        {
            await using var command = Command(connection, transaction, """
                INSERT INTO feedback (service_id, card_uuid, rule_id, outcome, accepted_suggestions, override_system,
                    override_code, override_display, user_comment, outcome_unix_ms, received_unix_ms, issuer, tenant,
                    patient_key)
                VALUES (@service, @card, (SELECT rule_id FROM evaluation_card WHERE card_uuid = @card), @outcome,
                    @accepted, @system, @code, @display, @comment, @outcome_at, @received_at, @issuer, @tenant,
                    (SELECT patient_key FROM evaluation_card WHERE card_uuid = @card))
                """);
            Add(command, "@service", entry.ServiceId);
            Add(command, "@card", entry.CardUuid);
            Add(command, "@outcome", entry.Outcome);
            Add(command, "@accepted", JsonSerializer.Serialize(entry.AcceptedSuggestionIds, StorageJsonContext.Default.IReadOnlyListString));
            Add(command, "@system", entry.OverrideReasonSystem);
            Add(command, "@code", entry.OverrideReasonCode);
            Add(command, "@display", entry.OverrideReasonDisplay);
            Add(command, "@comment", entry.UserComment);
            Add(command, "@outcome_at", entry.OutcomeTimestamp.ToUnixTimeMilliseconds());
            Add(command, "@received_at", entry.ReceivedAt.ToUnixTimeMilliseconds());
            Add(command, "@issuer", entry.Issuer);
            Add(command, "@tenant", entry.Tenant);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // The commit is the acknowledgement: once it returns, the entries are on disk (synchronous=FULL / fsync).
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ListAsync(string? cardUuid, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT f.service_id, f.card_uuid, COALESCE(f.rule_id, c.rule_id), f.outcome, f.accepted_suggestions,
                f.override_system, f.override_code, f.override_display, f.user_comment, f.outcome_unix_ms,
                f.received_unix_ms, f.issuer, f.tenant
            FROM feedback f LEFT JOIN evaluation_card c ON c.card_uuid = f.card_uuid
            WHERE @card IS NULL OR f.card_uuid = @card
            ORDER BY f.id
            """);
        Add(command, "@card", cardUuid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<FeedbackEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new FeedbackEntry
            {
                ServiceId = reader.GetString(0),
                CardUuid = reader.GetString(1),
                RuleId = Text(reader, 2),
                Outcome = reader.GetString(3),
                AcceptedSuggestionIds = JsonSerializer.Deserialize(reader.GetString(4), StorageJsonContext.Default.IReadOnlyListString) ?? [],
                OverrideReasonSystem = Text(reader, 5),
                OverrideReasonCode = Text(reader, 6),
                OverrideReasonDisplay = Text(reader, 7),
                UserComment = Text(reader, 8),
                OutcomeTimestamp = Instant(reader, 9),
                ReceivedAt = Instant(reader, 10),
                Issuer = Text(reader, 11),
                Tenant = Text(reader, 12),
            });
        }

        return entries;
    }

    public async Task RecordEvaluationsAsync(IReadOnlyList<EvaluationRecord> evaluations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        await InitializeAsync(cancellationToken);
        using var gate = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, EvaluationLogLockSql, cancellationToken);

        // One command per statement for the whole batch, its parameters re-bound per row: the statement is prepared
        // once per batch instead of once per row (SQLite spent more time parsing these than running them).
        await using var insertEvaluation = Command(connection, transaction, """
            INSERT INTO evaluation (hook_instance, service_id, evaluated_unix_ms, duration_ms, prefetch_provided,
                prefetch_fetched, card_count, patient_key)
            VALUES (@hook, @service, @at, @duration, @provided, @fetched, @cards, @patient)
            RETURNING id
            """);
        // A retried hook call (same hookInstance) yields the same card uuids; the first evaluation keeps them.
        await using var insertCard = Command(connection, transaction, """
            INSERT INTO evaluation_card (card_uuid, evaluation_id, rule_id, indicator, evaluated_unix_ms,
                patient_key, lesion_key, fingerprint)
            VALUES (@card, @evaluation, @rule, @indicator, @at, @patient, @lesion, @fingerprint)
            ON CONFLICT (card_uuid) DO NOTHING
            """);
        long? firstId = null;
        foreach (var evaluation in evaluations)
        {
            var at = evaluation.EvaluatedAt.ToUnixTimeMilliseconds();
            insertEvaluation.Parameters.Clear();
            Add(insertEvaluation, "@patient", evaluation.PatientKey);
            Add(insertEvaluation, "@hook", evaluation.HookInstance);
            Add(insertEvaluation, "@service", evaluation.ServiceId);
            Add(insertEvaluation, "@at", at);
            Add(insertEvaluation, "@duration", evaluation.Duration.TotalMilliseconds);
            Add(insertEvaluation, "@provided", (long)evaluation.PrefetchProvided);
            Add(insertEvaluation, "@fetched", (long)evaluation.PrefetchFetched);
            Add(insertEvaluation, "@cards", (long)evaluation.Cards.Count);
            var id = Convert.ToInt64(await insertEvaluation.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            firstId ??= id;

            foreach (var card in evaluation.Cards)
            {
                insertCard.Parameters.Clear();
                Add(insertCard, "@patient", evaluation.PatientKey);
                Add(insertCard, "@lesion", card.LesionKey);
                Add(insertCard, "@fingerprint", card.Fingerprint);
                Add(insertCard, "@card", card.CardUuid);
                Add(insertCard, "@evaluation", id);
                Add(insertCard, "@rule", card.RuleId);
                Add(insertCard, "@indicator", card.Indicator);
                Add(insertCard, "@at", at);
                await insertCard.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (firstId is { } first)
        {
            // The log is written in batches, so feedback can arrive before its card is logged and be stored without a
            // patient key. Give it one now, from this batch's cards only: one probe of ix_feedback_card per card.
            // Only raced feedback can name a card logged just now, so there is no "patient_key IS NULL" filter: with
            // it SQLite walks every unattributed row (all pre-migration-2 feedback) through ix_feedback_patient.
            await using var attribute = Command(connection, transaction, """
                UPDATE feedback
                SET patient_key = (SELECT c.patient_key FROM evaluation_card c WHERE c.card_uuid = feedback.card_uuid)
                WHERE card_uuid IN (
                    SELECT card_uuid FROM evaluation_card WHERE evaluation_id >= @first AND patient_key IS NOT NULL)
                """);
            Add(attribute, "@first", first);
            await attribute.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EvaluationRecord>> ListEvaluationsAsync(string? hookInstance, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var cards = new Dictionary<long, List<EvaluatedCard>>();
        await using (var command = Command(connection, null, """
            SELECT c.evaluation_id, c.card_uuid, c.rule_id, c.indicator, c.lesion_key, c.fingerprint
            FROM evaluation_card c JOIN evaluation e ON e.id = c.evaluation_id
            WHERE @hook IS NULL OR e.hook_instance = @hook
            ORDER BY c.evaluation_id, c.rule_id, c.card_uuid
            """))
        {
            Add(command, "@hook", hookInstance);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                if (!cards.TryGetValue(id, out var list))
                {
                    cards[id] = list = [];
                }

                list.Add(new EvaluatedCard(reader.GetString(1), reader.GetString(2), reader.GetString(3))
                {
                    LesionKey = Text(reader, 4),
                    Fingerprint = Text(reader, 5),
                });
            }
        }

        await using var evaluations = Command(connection, null, """
            SELECT id, hook_instance, service_id, evaluated_unix_ms, duration_ms, prefetch_provided, prefetch_fetched,
                patient_key
            FROM evaluation WHERE @hook IS NULL OR hook_instance = @hook ORDER BY id
            """);
        Add(evaluations, "@hook", hookInstance);
        await using var rows = await evaluations.ExecuteReaderAsync(cancellationToken);
        var result = new List<EvaluationRecord>();
        while (await rows.ReadAsync(cancellationToken))
        {
            result.Add(new EvaluationRecord
            {
                HookInstance = rows.GetString(1),
                ServiceId = rows.GetString(2),
                EvaluatedAt = Instant(rows, 3),
                Duration = TimeSpan.FromMilliseconds(rows.GetDouble(4)),
                PrefetchProvided = (int)rows.GetInt64(5),
                PrefetchFetched = (int)rows.GetInt64(6),
                PatientKey = Text(rows, 7),
                Cards = cards.GetValueOrDefault(rows.GetInt64(0)) ?? [],
            });
        }

        return result;
    }

    /// <summary>
    /// Driven by the patient's feedback (ix_feedback_patient), each row joined to its card by primary key, so a lookup
    /// costs the patient's few reports, not the hundreds of cards every chart opening logs. A card is logged before
    /// feedback about it is received, both on our clock, so received_unix_ms &gt;= evaluated_unix_ms &gt;= @since.
    /// CROSS JOIN makes SQLite keep feedback as the outer loop (without ANALYZE statistics it would otherwise start
    /// from ix_evaluation_card_patient); PostgreSQL plans it as a plain join. Any report counts: accepted and
    /// overridden are the only outcomes stored, and either means a clinician acted.
    /// </summary>
    internal const string ActedOnCardsSql = """
        SELECT DISTINCT c.rule_id, c.lesion_key, c.fingerprint
        FROM feedback f CROSS JOIN evaluation_card c
        WHERE f.patient_key = @patient AND f.received_unix_ms >= @since AND c.card_uuid = f.card_uuid
            AND c.patient_key = @patient AND c.evaluated_unix_ms >= @since AND c.fingerprint IS NOT NULL
        """;

    public async Task<IReadOnlyList<ActedOnCard>> FindActedOnCardsAsync(string patientKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientKey);
        await InitializeAsync(cancellationToken);
        var lookup = idleLookups.TryTake(out var idle) ? idle : await PreparedLookup.OpenAsync(this, cancellationToken);
        try
        {
            var cards = await lookup.RunAsync(patientKey, since.ToUnixTimeMilliseconds(), cancellationToken);
            if (idleLookups.Count >= MaxIdleLookups)
            {
                await lookup.DisposeAsync();
            }
            else
            {
                idleLookups.Add(lookup);
                if (disposed)
                {
                    await CloseLookupsAsync(); // the store closed while this call ran
                }
            }

            return cards;
        }
        catch
        {
            // A connection that failed mid-statement is not trusted again; the next call opens a fresh one.
            await lookup.DisposeAsync();
            throw;
        }
    }

    private async ValueTask CloseLookupsAsync()
    {
        disposed = true;
        while (idleLookups.TryTake(out var lookup))
        {
            await lookup.DisposeAsync();
        }
    }

    public async Task<int> PurgeEvaluationsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var gate = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = cutoff.ToUnixTimeMilliseconds();
        await using (var cards = Command(connection, transaction, "DELETE FROM evaluation_card WHERE evaluated_unix_ms < @before"))
        {
            Add(cards, "@before", before);
            await cards.ExecuteNonQueryAsync(cancellationToken);
        }

        int deleted;
        await using (var evaluations = Command(connection, transaction, "DELETE FROM evaluation WHERE evaluated_unix_ms < @before"))
        {
            Add(evaluations, "@before", before);
            deleted = await evaluations.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<ReportFacts> ReadReportFactsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var shown = new List<ShownCount>();
        await using (var command = Command(connection, null, $"""
            SELECT rule_id, evaluated_unix_ms / {MillisecondsPerDay} AS day, COUNT(*)
            FROM evaluation_card
            WHERE evaluated_unix_ms >= @from AND evaluated_unix_ms < @to
            GROUP BY rule_id, evaluated_unix_ms / {MillisecondsPerDay}
            """))
        {
            Add(command, "@from", from.ToUnixTimeMilliseconds());
            Add(command, "@to", to.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                shown.Add(new ShownCount(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1) * MillisecondsPerDay), reader.GetInt64(2)));
            }
        }

        var feedback = new List<FeedbackFact>();
        await using (var command = Command(connection, null, """
            SELECT COALESCE(f.rule_id, c.rule_id), f.card_uuid, f.outcome, f.override_system, f.override_code,
                f.override_display, f.outcome_unix_ms
            FROM feedback f LEFT JOIN evaluation_card c ON c.card_uuid = f.card_uuid
            WHERE f.outcome_unix_ms >= @from AND f.outcome_unix_ms < @to
            """))
        {
            Add(command, "@from", from.ToUnixTimeMilliseconds());
            Add(command, "@to", to.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                feedback.Add(new FeedbackFact(Text(reader, 0), reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Instant(reader, 6)));
            }
        }

        return new ReportFacts(shown, feedback);
    }

    public virtual async Task CheckAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT MAX(version) FROM schema_version");
        var version = await command.ExecuteScalarAsync(cancellationToken);
        if (version is null or DBNull || Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture) != Migrations.Count)
        {
            throw new InvalidOperationException($"The store's schema is at version {version}, this build expects {Migrations.Count}.");
        }
    }

    private async Task VerifySchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT MAX(version) FROM schema_version");
        object? version;
        try
        {
            version = await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new InvalidOperationException($"{this} holds no CalcCds schema (no schema_version table): {e.Message}", e);
        }

        if (version is null or DBNull)
        {
            throw new InvalidOperationException($"{this} holds no CalcCds schema (schema_version is empty).");
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, MigrationLockSql, cancellationToken);

        await using (var create = Command(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_unix_ms BIGINT NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        int current;
        await using (var query = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        {
            current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > Migrations.Count)
        {
            throw new InvalidOperationException($"The store's schema is at version {current}, newer than this build ({Migrations.Count}); refusing to run an older build against it.");
        }

        for (var version = current + 1; version <= Migrations.Count; version++)
        {
            await using (var migrate = Command(connection, transaction, Migrations[version - 1]))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = Command(connection, transaction, "INSERT INTO schema_version (version, applied_unix_ms) VALUES (@version, @at)");
            Add(record, "@version", version);
            Add(record, "@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task LockAsync(DbConnection connection, DbTransaction transaction, string? lockSql, CancellationToken cancellationToken)
    {
        if (lockSql is not null)
        {
            await using var command = Command(connection, transaction, lockSql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant of this class; values always travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            // Typed so PostgreSQL can infer "@card IS NULL" as well as a column value.
            parameter.DbType = DbType.String;
        }

        command.Parameters.Add(parameter);
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset Instant(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    /// <summary>An open connection with the repeat lookup prepared on it; used by one call at a time.</summary>
    private sealed class PreparedLookup(DbConnection connection, DbCommand command) : IAsyncDisposable
    {
        public static async Task<PreparedLookup> OpenAsync(SqlFeedbackStore store, CancellationToken cancellationToken)
        {
            var connection = await store.OpenAsync(cancellationToken);
            try
            {
                var command = Command(connection, null, ActedOnCardsSql);
                // Typed values before preparing: PostgreSQL fixes the parameter types when the statement is prepared.
                Add(command, "@patient", string.Empty);
                Add(command, "@since", 0L);
                await command.PrepareAsync(cancellationToken);
                return new PreparedLookup(connection, command);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public async Task<IReadOnlyList<ActedOnCard>> RunAsync(string patientKey, long sinceUnixMs, CancellationToken cancellationToken)
        {
            command.Parameters["@patient"].Value = patientKey;
            command.Parameters["@since"].Value = sinceUnixMs;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var cards = new List<ActedOnCard>();
            while (await reader.ReadAsync(cancellationToken))
            {
                cards.Add(new ActedOnCard(reader.GetString(0), Text(reader, 1) ?? string.Empty, reader.GetString(2)));
            }

            return cards;
        }

        public async ValueTask DisposeAsync()
        {
            await command.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
