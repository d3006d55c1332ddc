namespace CalcCds.Api.Security;

/// <summary>Where the <c>jti</c> of accepted tokens is remembered (<c>CalcCds:Security:ReplayStore</c>).</summary>
public enum ReplayStore
{
    /// <summary>PostgreSQL when the storage provider is PostgreSQL (several instances share it), else in memory.</summary>
    Auto,

    /// <summary>This process only: a token replayed to another instance, or after a restart, is not recognised.</summary>
    InMemory,

    /// <summary>The storage PostgreSQL database (<c>CalcCds:Storage:PostgreSqlConnectionString</c>), required.</summary>
    PostgreSql,
}
