namespace CalcCds.Api.Security;

/// <summary>Where one issuer's public keys come from.</summary>
internal enum KeySourceKind
{
    Url,
    File,
    Inline,
}

/// <summary>A JWKS location; its <see cref="CacheKey"/> identifies one cache entry in <see cref="IssuerKeyStore"/>.</summary>
internal sealed record KeySource(KeySourceKind Kind, string Location)
{
    public string CacheKey => $"{Kind}:{Location}";

    /// <summary>Inline keys cannot change, so an unknown kid never justifies re-reading them.</summary>
    public bool CanRefresh => Kind != KeySourceKind.Inline;
}
