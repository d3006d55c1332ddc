using System.Net;
using CalcCds.Api.Operations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CalcCds.Api.Tests.Security;

/// <summary>
/// Several instances behind a load balancer share one PostgreSQL replay store (CalcCds:Security:ReplayStore), so a
/// token used on one instance is a replay on every other. Both hosts are real Kestrel servers with the same public
/// base URL, as behind a proxy, so the same token's <c>aud</c> is right for both.
/// </summary>
public sealed class SharedReplayStoreTests
{
    private const string PublicBase = "https://cds.example.org/";
    private const string Service = "cds-services/test-service";

    [PostgresFact]
    public async Task Token_used_on_one_instance_is_refused_on_another()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var first = await SecurityTestHost.StartAsync(Config(schema.ConnectionString));
        await using var second = await SecurityTestHost.StartAsync(Config(schema.ConnectionString));
        var token = Token(first).Sign(SecurityTestBase.Es384);

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync(Service, token)).StatusCode);
        await SecurityTestBase.AssertBareUnauthorized(await second.PostAsync(Service, token));
    }

    [PostgresFact]
    public async Task Fresh_tokens_are_accepted_by_every_instance()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var first = await SecurityTestHost.StartAsync(Config(schema.ConnectionString));
        await using var second = await SecurityTestHost.StartAsync(Config(schema.ConnectionString));

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync(Service, Token(first).Sign(SecurityTestBase.Es384))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync(Service, Token(second).Sign(SecurityTestBase.Rs384))).StatusCode);
    }

    [PostgresFact]
    public async Task Auto_uses_the_shared_store_when_storage_is_postgresql()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var host = await SecurityTestHost.StartAsync(Config(schema.ConnectionString, replayStore: null));
        var token = Token(host).Sign(SecurityTestBase.Es384);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Service, token)).StatusCode);
        Assert.Equal(1L, await schema.CountAsync("token_replay"));
    }

    [Fact]
    public async Task Unreachable_replay_store_refuses_with_503_not_401()
    {
        // Nothing listens on port 1 of loopback: the replay check cannot run, so the token cannot be trusted.
        await using var host = await SecurityTestHost.StartAsync(Config("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2"));

        var response = await host.PostAsync(Service, Token(host).Sign(SecurityTestBase.Es384));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains(host.Logs.Entries, e => e.Text.Contains("replay store is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asking_for_the_postgresql_replay_store_without_postgresql_storage_stops_start_up()
    {
        var config = BaseConfig().Set("ReplayStore", "PostgreSql");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(config));

        Assert.Contains("ReplayStore=PostgreSql needs CalcCds:Storage:Provider=PostgreSql", error.Message, StringComparison.Ordinal);
    }

    private static TestToken Token(SecurityTestHost host) =>
        TestToken.For(SecurityTestHost.TrustedIssuer, PublicBase + Service, host.Time.GetUtcNow());

    private static SecurityConfig BaseConfig() => new SecurityConfig()
        .Issuer(SecurityTestHost.TrustedIssuer, jwks: TestSigningKey.Jwks(SecurityTestBase.Es384, SecurityTestBase.Rs384))
        .Set("PublicBaseUrl", PublicBase);

    private static SecurityConfig Config(string connectionString, string? replayStore = "PostgreSql") => BaseConfig()
        .Set("ReplayStore", replayStore)
        .SetRaw($"{StorageOptions.Section}:Provider", nameof(StorageProvider.PostgreSql))
        .SetRaw($"{StorageOptions.Section}:PostgreSqlConnectionString", connectionString);

    /// <summary>A fresh schema on the test server for one test, dropped afterwards.</summary>
    private sealed class PostgresSchema : IAsyncDisposable
    {
        private readonly string server;
        private readonly string name;

        private PostgresSchema(string server, string name)
        {
            this.server = server;
            this.name = name;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = name, MaxPoolSize = 10 }.ToString();
        }

        public string ConnectionString { get; }

        public static async Task<PostgresSchema> CreateAsync()
        {
            var schema = new PostgresSchema(PostgresFactAttribute.ConnectionString!, "t_" + Guid.NewGuid().ToString("N"));
            await schema.ExecuteAsync($"CREATE SCHEMA {schema.name}");
            return schema;
        }

        public async Task<long> CountAsync(string table)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {name}.{table}", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP SCHEMA {name} CASCADE");

        private async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
