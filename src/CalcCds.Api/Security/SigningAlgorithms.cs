namespace CalcCds.Api.Security;

/// <summary>
/// Which JWS algorithms may ever be configured. The spec forbids <c>none</c> and every symmetric
/// algorithm (a shared secret cannot identify a client); anything else must be a known asymmetric one.
/// </summary>
internal static class SigningAlgorithms
{
    private static readonly HashSet<string> Asymmetric = new(StringComparer.Ordinal)
    {
        "ES256", "ES384", "ES512",
        "RS256", "RS384", "RS512",
        "PS256", "PS384", "PS512",
    };

    /// <summary>Case-insensitive on purpose: "None" or "hs256" in configuration must not slip through.</summary>
    public static bool IsForbidden(string alg) =>
        alg.Equals("none", StringComparison.OrdinalIgnoreCase)
        || alg.StartsWith("HS", StringComparison.OrdinalIgnoreCase);

    public static bool IsSupportedAsymmetric(string alg) => Asymmetric.Contains(alg);
}
