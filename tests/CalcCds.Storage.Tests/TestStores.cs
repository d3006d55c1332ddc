using Npgsql;

namespace CalcCds.Storage.Tests;

/// <summary>A store for one test, removed afterwards: SQLite in a fresh temp folder, PostgreSQL in a fresh schema.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly Func<Task> cleanup;

    private TestStore(SqlFeedbackStore store, Func<SqlFeedbackStore> reopen, Func<string, Task> execute, Func<Task> cleanup)
    {
        Store = store;
        Reopen = reopen;
        Execute = execute;
        this.cleanup = cleanup;
    }

    /// <summary>Runs raw SQL against the store's database, to set up states the API cannot reach (an older schema).</summary>
    public Func<string, Task> Execute { get; }

    public SqlFeedbackStore Store { get; }

    /// <summary>A second, independent store object over the same data (a restart, or another instance).</summary>
    public Func<SqlFeedbackStore> Reopen { get; }

    public static async Task<TestStore> SqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "calccds-store-" + Guid.NewGuid().ToString("N"));
        var store = new SqliteFeedbackStore(folder, TimeSpan.FromSeconds(10));
        await store.InitializeAsync(CancellationToken.None);
        return new TestStore(store, () => new SqliteFeedbackStore(folder, TimeSpan.FromSeconds(10)), async sql =>
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.DatabasePath}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }, () =>
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        });
    }

    public static async Task<TestStore> PostgresAsync()
    {
        var server = PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException("PostgreSQL tests need " + PostgresFactAttribute.ConnectionStringVariable);
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 10 }.ToString();
        var store = new PostgresFeedbackStore(connectionString);
        await store.InitializeAsync(CancellationToken.None);
        return new TestStore(store, () => new PostgresFeedbackStore(connectionString), async sql =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }, async () =>
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await cleanup();
    }
}
