using Microsoft.IdentityModel.Tokens;

namespace CalcCds.Api.Security;

/// <summary>Reads a JWKS document and keeps only the keys a CDS client may sign with.</summary>
internal static class JwksParser
{
    /// <summary>
    /// EC and RSA keys with a <c>kid</c> (the spec requires one) whose <c>use</c>, if any, is <c>sig</c>.
    /// Symmetric (<c>oct</c>) keys are dropped here so no configuration can make a shared secret valid.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not a JWKS.</exception>
    public static IReadOnlyList<JsonWebKey> SigningKeys(string json)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json) { SkipUnresolvedJsonWebKeys = true };
        }
        catch (Exception ex) when (ex is not ArgumentException and not OutOfMemoryException)
        {
            throw new ArgumentException("Not a JSON Web Key Set.", nameof(json), ex);
        }

        return [.. set.Keys.Where(IsAsymmetricSigningKey)];
    }

    private static bool IsAsymmetricSigningKey(JsonWebKey key) =>
        (key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve || key.Kty == JsonWebAlgorithmsKeyTypes.RSA)
        && !string.IsNullOrEmpty(key.Kid)
        && (string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig);
}
