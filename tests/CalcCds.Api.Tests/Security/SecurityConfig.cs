namespace CalcCds.Api.Tests.Security;

/// <summary>Builds the <c>CalcCds:Security</c> configuration a test host starts with, as flat keys.</summary>
public sealed class SecurityConfig
{
    private const string Prefix = "CalcCds:Security:";
    private readonly Dictionary<string, string?> values = new(StringComparer.OrdinalIgnoreCase);
    private int issuerCount;

    public IReadOnlyDictionary<string, string?> Values => values;

    /// <summary>Sets <c>CalcCds:Security:{key}</c>; nested keys use ':' (e.g. <c>Limits:QueueLimit</c>).</summary>
    public SecurityConfig Set(string key, string? value)
    {
        values[Prefix + key] = value;
        return this;
    }

    /// <summary>Sets a key outside <c>CalcCds:Security</c>, e.g. <c>CalcCds:Storage:Provider</c>.</summary>
    public SecurityConfig SetRaw(string key, string? value)
    {
        values[key] = value;
        return this;
    }

    public SecurityConfig List(string key, params string[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            Set($"{key}:{i}", items[i]);
        }

        return this;
    }

    public SecurityConfig Issuer(
        string issuer,
        string? jwks = null,
        Uri? jwksUrl = null,
        string? jwksFile = null,
        IEnumerable<Uri>? allowedJku = null,
        IEnumerable<string>? tenants = null)
    {
        var key = $"Issuers:{issuerCount++}:";
        Set(key + "Issuer", issuer);
        Set(key + "Jwks", jwks);
        Set(key + "JwksUrl", jwksUrl?.ToString());
        Set(key + "JwksFile", jwksFile);
        List(key + "AllowedJku", [.. (allowedJku ?? []).Select(u => u.ToString())]);
        List(key + "Tenants", [.. tenants ?? []]);
        return this;
    }
}
