namespace CalcCds.Testing;

/// <summary>
/// A fact that needs a PostgreSQL server; skipped, with the reason shown, when <see cref="ConnectionStringVariable"/>
/// is not set (<c>.ci/services.sh</c> starts one on loopback and sets it).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string ConnectionStringVariable = "CALCCDS_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (ConnectionString is null)
        {
            Skip = $"PostgreSQL not available: set {ConnectionStringVariable} to an Npgsql connection string (.ci/services.sh does)";
        }
    }

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value ? value : null;
}
