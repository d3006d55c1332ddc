using Npgsql;

namespace CalcCds.Api.Tests.Support;

/// <summary>A fresh schema on the test PostgreSQL server for one test, dropped afterwards, so no test sees another's rows.</summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private PostgresSchema(string server, string name, string connectionString)
    {
        this.server = server;
        this.name = name;
        ConnectionString = connectionString;
    }

    /// <summary>A connection string whose search path is the fresh schema.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresSchema> CreateAsync()
    {
        var server = PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException("PostgreSQL tests need " + PostgresFactAttribute.ConnectionStringVariable);
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresSchema(server, name, new NpgsqlConnectionStringBuilder(server) { SearchPath = name, MaxPoolSize = 10 }.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA {name} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
