using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace CalcCds.Api.Tests.Security;

/// <summary>A real key pair generated for the test run, as a CDS client (EHR) would hold it.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly AsymmetricAlgorithm algorithm;

    private TestSigningKey(string kid, string alg, AsymmetricAlgorithm algorithm, SecurityKey privateKey, JsonObject publicJwk)
    {
        Kid = kid;
        Alg = alg;
        this.algorithm = algorithm;
        PrivateKey = privateKey;
        PublicJwk = publicJwk;
    }

    public string Kid { get; }

    public string Alg { get; }

    public SecurityKey PrivateKey { get; }

    public JsonObject PublicJwk { get; }

    /// <summary>The public key as PEM: what an attacker would use as an HMAC secret.</summary>
    public string PublicKeyPem => algorithm.ExportSubjectPublicKeyInfoPem();

    public static TestSigningKey Ec(string alg = "ES384", string? kid = null)
    {
        var curve = alg switch
        {
            "ES256" => (ECCurve.NamedCurves.nistP256, "P-256"),
            "ES384" => (ECCurve.NamedCurves.nistP384, "P-384"),
            _ => throw new ArgumentOutOfRangeException(nameof(alg)),
        };
        var ecdsa = ECDsa.Create(curve.Item1);
        var p = ecdsa.ExportParameters(includePrivateParameters: false);
        kid ??= Guid.NewGuid().ToString();
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["use"] = "sig",
            ["crv"] = curve.Item2,
            ["kid"] = kid,
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
            ["alg"] = alg,
        };
        return new TestSigningKey(kid, alg, ecdsa, new ECDsaSecurityKey(ecdsa) { KeyId = kid }, jwk);
    }

    public static TestSigningKey Rsa(string alg = "RS384", string? kid = null)
    {
        var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(includePrivateParameters: false);
        kid ??= Guid.NewGuid().ToString();
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["alg"] = alg,
        };
        return new TestSigningKey(kid, alg, rsa, new RsaSecurityKey(rsa) { KeyId = kid }, jwk);
    }

    /// <summary>A JWKS document with the public halves of <paramref name="keys"/>.</summary>
    public static string Jwks(params TestSigningKey[] keys) =>
        new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.PublicJwk.DeepClone())]) }.ToJsonString();

    public void Dispose() => algorithm.Dispose();
}
