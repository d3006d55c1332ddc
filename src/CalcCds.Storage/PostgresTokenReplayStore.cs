using Npgsql;

namespace CalcCds.Storage;

/// <summary>
/// Token ids (<c>jti</c>) seen by any instance of the service, in PostgreSQL, so a token accepted by one instance
/// behind a load balancer is refused as a replay by all the others. One atomic statement per token: the insert
/// either claims the id, takes over an entry whose time has passed, or finds a live entry (a replay).
/// </summary>
/// <remarks>
/// The table is this class's own (not a feedback-store migration): it holds nothing worth migrating, only ids that
/// expire within minutes, so it is created if missing and swept of expired ids now and then.
/// </remarks>
public sealed class PostgresTokenReplayStore : IAsyncDisposable
{
    /// <summary>An arbitrary constant naming this table's creation lock among the database's advisory locks.</summary>
    private const long CreateLockKey = 0x43616C634A746931; // "CalcJti1"

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS token_replay (
            issuer TEXT NOT NULL,
            jti TEXT NOT NULL,
            forget_after_unix_ms BIGINT NOT NULL,
            PRIMARY KEY (issuer, jti));
        CREATE INDEX IF NOT EXISTS ix_token_replay_forget ON token_replay (forget_after_unix_ms);
        """;

    // ON CONFLICT ... DO UPDATE ... WHERE returns no row when the existing entry is still live: that is a replay.
    // Concurrent inserts of the same id serialize on the primary key, so exactly one caller gets a row.
    private const string RecordSql = """
        INSERT INTO token_replay (issuer, jti, forget_after_unix_ms) VALUES (@issuer, @jti, @forget)
        ON CONFLICT (issuer, jti) DO UPDATE SET forget_after_unix_ms = EXCLUDED.forget_after_unix_ms
            WHERE token_replay.forget_after_unix_ms <= @now
        RETURNING 1
        """;

    private const string SweepSql = "DELETE FROM token_replay WHERE forget_after_unix_ms <= @now";

    private readonly NpgsqlDataSource dataSource;
    private readonly SemaphoreSlim createGate = new(1, 1);
    private volatile bool created;

    public PostgresTokenReplayStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>
    /// Records <paramref name="jti"/> of <paramref name="issuer"/> until <paramref name="forgetAfter"/>; false when it
    /// is already recorded and not yet forgotten at <paramref name="now"/>.
    /// </summary>
    public async Task<bool> TryRecordAsync(string issuer, string jti, DateTimeOffset forgetAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(jti);
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(RecordSql);
        command.Parameters.AddWithValue("issuer", issuer);
        command.Parameters.AddWithValue("jti", jti);
        command.Parameters.AddWithValue("forget", forgetAfter.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        var row = await command.ExecuteScalarAsync(cancellationToken);
        return row is not null;
    }

    /// <summary>Deletes the ids forgotten by <paramref name="now"/>; returns how many went.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(SweepSql);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Host and database only: the connection string may hold a password.</summary>
    public override string ToString()
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"PostgreSQL {settings.Host}:{settings.Port}/{settings.Database}";
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        createGate.Dispose();
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await createGate.WaitAsync(cancellationToken);
        try
        {
            if (created)
            {
                return;
            }

            // CREATE ... IF NOT EXISTS still races between instances starting together; the advisory lock orders them.
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({CreateLockKey})", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var create = new NpgsqlCommand(CreateSql, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            created = true;
        }
        finally
        {
            createGate.Release();
        }
    }
}
