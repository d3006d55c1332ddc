using Npgsql;

namespace CalcCds.Storage.Tests;

/// <summary>A store for one test, removed afterwards: SQLite in a fresh temp folder, PostgreSQL in a fresh schema.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly Func<Task> cleanup;

    private TestStore(SqlFeedbackStore store, Func<SqlFeedbackStore> reopen, Func<Task> cleanup)
    {
        Store = store;
        Reopen = reopen;
        this.cleanup = cleanup;
    }

    public SqlFeedbackStore Store { get; }

    /// <summary>A second, independent store object over the same data (a restart, or another instance).</summary>
    public Func<SqlFeedbackStore> Reopen { get; }

    public static async Task<TestStore> SqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "calccds-store-" + Guid.NewGuid().ToString("N"));
        var store = new SqliteFeedbackStore(folder, TimeSpan.FromSeconds(10));
        await store.InitializeAsync(CancellationToken.None);
        return new TestStore(store, () => new SqliteFeedbackStore(folder, TimeSpan.FromSeconds(10)), () =>
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
        return new TestStore(store, () => new PostgresFeedbackStore(connectionString), async () =>
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
