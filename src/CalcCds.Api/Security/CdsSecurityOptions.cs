using System.ComponentModel.DataAnnotations;

namespace CalcCds.Api.Security;

/// <summary>
/// Configuration section <c>CalcCds:Security</c>. Simple ranges are data annotations; rules that span
/// fields (algorithms, issuers, environment) live in <see cref="CdsSecurityOptionsValidator"/>.
/// </summary>
public sealed class CdsSecurityOptions
{
    public const string SectionName = "CalcCds:Security";

    /// <summary>Used when <see cref="AllowedAlgorithms"/> is left empty: the two the CDS Hooks spec recommends.</summary>
    public static readonly IReadOnlyList<string> DefaultAlgorithms = ["ES384", "RS384"];

    public SecurityMode Mode { get; init; } = SecurityMode.Jwt;

    /// <summary>
    /// Public base URL the clients call (e.g. <c>https://cds.example.org</c>, including any path prefix a
    /// reverse proxy strips). The expected <c>aud</c> is this base plus the request path. When absent the
    /// request's own scheme, host and PathBase are used.
    /// </summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>
    /// Accepted JWS algorithms. Empty means <see cref="DefaultAlgorithms"/>. The configuration binder appends
    /// to a pre-filled list, hence the empty default and <see cref="EffectiveAlgorithms"/>.
    /// </summary>
    public IList<string> AllowedAlgorithms { get; init; } = [];

    [Range(0, 300)]
    public int ClockSkewSeconds { get; init; } = 60;

    /// <summary>Optional upper bound on <c>exp - iat</c>: refuses long-lived tokens that make replays cheap.</summary>
    [Range(1, 86_400)]
    public int? MaxTokenLifetimeSeconds { get; init; }

    /// <summary>Minimum interval between two JWKS refreshes of one source caused by an unknown <c>kid</c>.</summary>
    [Range(1, 3_600)]
    public int JwksRefreshIntervalSeconds { get; init; } = 30;

    /// <summary>How long fetched JWKS are trusted before being refreshed on the next use.</summary>
    [Range(60, 86_400)]
    public int JwksCacheSeconds { get; init; } = 3_600;

    [Range(1, 60)]
    public int JwksFetchTimeoutSeconds { get; init; } = 5;

    public IList<TrustedIssuerOptions> Issuers { get; init; } = [];

    /// <summary>Where used token ids are remembered; see <see cref="Security.ReplayStore"/>.</summary>
    public ReplayStore ReplayStore { get; init; } = ReplayStore.Auto;

    public CdsCorsOptions Cors { get; init; } = new();

    public CdsLimitsOptions Limits { get; init; } = new();

    public IReadOnlyList<string> EffectiveAlgorithms =>
        AllowedAlgorithms.Count == 0 ? DefaultAlgorithms : [.. AllowedAlgorithms];

    public TimeSpan ClockSkew => TimeSpan.FromSeconds(ClockSkewSeconds);
}

/// <summary>
/// One CDS client (EHR) we trust. Keys come from exactly one of <see cref="JwksUrl"/>, <see cref="JwksFile"/>
/// or <see cref="Jwks"/>; or, when none is set, from a token's <c>jku</c> that is on <see cref="AllowedJku"/>.
/// </summary>
public sealed class TrustedIssuerOptions
{
    /// <summary>The exact <c>iss</c> value (required; checked by the validator, which also names the entry).</summary>
    public string Issuer { get; init; } = "";

    public Uri? JwksUrl { get; init; }

    /// <summary>Path to a JWKS JSON file; relative paths are resolved against the content root.</summary>
    public string? JwksFile { get; init; }

    /// <summary>Inline JWKS JSON (<c>{"keys":[...]}</c>).</summary>
    public string? Jwks { get; init; }

    /// <summary>
    /// <c>jku</c> header values accepted from this issuer (exact match). A token carrying any other
    /// <c>jku</c> is refused and that URL is never fetched.
    /// </summary>
    public IList<Uri> AllowedJku { get; init; } = [];

    /// <summary>When non-empty, the token's <c>tenant</c> claim must be one of these.</summary>
    public IList<string> Tenants { get; init; } = [];
}

public sealed class CdsCorsOptions
{
    /// <summary>Browser origins allowed to call the CDS endpoints, e.g. <c>https://sandbox.cds-hooks.org</c>.</summary>
    public IList<string> AllowedOrigins { get; init; } = [];
}

public sealed class CdsLimitsOptions
{
    /// <summary>Wall-clock limit for one CDS request; past it the request is cancelled and answered 503.</summary>
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; init; } = 10;

    /// <summary>CDS requests processed at the same time; more are queued or refused with 503.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; init; } = 64;

    /// <summary>Requests allowed to wait for a slot; 0 refuses at once.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; init; }

    /// <summary>Value of the Retry-After header on 503 answers.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; init; } = 1;
}
