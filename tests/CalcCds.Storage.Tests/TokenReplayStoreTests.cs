using Npgsql;

namespace CalcCds.Storage.Tests;

/// <summary>The PostgreSQL token-id store that lets several service instances refuse each other's replays.</summary>
public sealed class TokenReplayStoreTests : IAsyncLifetime
{
    private const string Issuer = "https://ehr.example.org";

    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly string schema = "t_" + Guid.NewGuid().ToString("N");
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not { } server)
        {
            return;
        }

        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 20 }.ToString();
    }

    public async Task DisposeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is { } server)
        {
            await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    [PostgresFact]
    public async Task First_use_is_recorded_and_the_second_is_a_replay()
    {
        await using var store = new PostgresTokenReplayStore(connectionString);

        Assert.True(await store.TryRecordAsync(Issuer, "jti-1", Now.AddMinutes(5), Now, CancellationToken.None));
        Assert.False(await store.TryRecordAsync(Issuer, "jti-1", Now.AddMinutes(5), Now.AddMinutes(1), CancellationToken.None));
    }

    [PostgresFact]
    public async Task Another_store_object_on_the_same_database_sees_the_replay()
    {
        await using var first = new PostgresTokenReplayStore(connectionString);
        await using var second = new PostgresTokenReplayStore(connectionString);

        Assert.True(await first.TryRecordAsync(Issuer, "jti-1", Now.AddMinutes(5), Now, CancellationToken.None));
        Assert.False(await second.TryRecordAsync(Issuer, "jti-1", Now.AddMinutes(5), Now, CancellationToken.None));
    }

    [PostgresFact]
    public async Task The_same_jti_from_another_issuer_is_not_a_replay()
    {
        await using var store = new PostgresTokenReplayStore(connectionString);

        Assert.True(await store.TryRecordAsync(Issuer, "jti-1", Now.AddMinutes(5), Now, CancellationToken.None));
        Assert.True(await store.TryRecordAsync("https://other-ehr.example.org", "jti-1", Now.AddMinutes(5), Now, CancellationToken.None));
    }

    [PostgresFact]
    public async Task An_id_is_forgotten_once_its_time_has_passed()
    {
        await using var store = new PostgresTokenReplayStore(connectionString);

        Assert.True(await store.TryRecordAsync(Issuer, "jti-1", Now.AddMinutes(5), Now, CancellationToken.None));
        Assert.True(await store.TryRecordAsync(Issuer, "jti-1", Now.AddMinutes(15), Now.AddMinutes(10), CancellationToken.None));
        Assert.False(await store.TryRecordAsync(Issuer, "jti-1", Now.AddMinutes(15), Now.AddMinutes(11), CancellationToken.None));
    }

    [PostgresFact]
    public async Task Concurrent_uses_of_one_jti_across_instances_admit_exactly_one()
    {
        await using var first = new PostgresTokenReplayStore(connectionString);
        await using var second = new PostgresTokenReplayStore(connectionString);

        var attempts = Enumerable.Range(0, 40)
            .Select(i => (i % 2 == 0 ? first : second).TryRecordAsync(Issuer, "contested", Now.AddMinutes(5), Now, CancellationToken.None));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, admitted => admitted);
    }

    [PostgresFact]
    public async Task Sweep_deletes_only_expired_ids()
    {
        await using var store = new PostgresTokenReplayStore(connectionString);
        await store.TryRecordAsync(Issuer, "old", Now.AddMinutes(1), Now, CancellationToken.None);
        await store.TryRecordAsync(Issuer, "live", Now.AddMinutes(10), Now, CancellationToken.None);

        Assert.Equal(1, await store.SweepAsync(Now.AddMinutes(5), CancellationToken.None));
        Assert.False(await store.TryRecordAsync(Issuer, "live", Now.AddMinutes(10), Now.AddMinutes(5), CancellationToken.None));
    }

    [PostgresFact]
    public async Task Description_names_host_and_database_but_not_the_password()
    {
        var withPassword = new NpgsqlConnectionStringBuilder(connectionString) { Password = "s3cret-pw" }.ToString();
        await using var store = new PostgresTokenReplayStore(withPassword);

        Assert.DoesNotContain("s3cret-pw", store.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("PostgreSQL ", store.ToString(), StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
