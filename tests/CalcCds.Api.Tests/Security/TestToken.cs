using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace CalcCds.Api.Tests.Security;

/// <summary>
/// A CDS Hooks client JWT under construction: header and payload are plain JSON the test edits freely,
/// so attack tokens (missing claims, odd algorithms) are as easy to make as good ones.
/// </summary>
public sealed class TestToken
{
    public JsonObject Header { get; } = new() { ["typ"] = "JWT" };

    public JsonObject Payload { get; } = [];

    /// <summary>The claims CDS Hooks requires, valid at <paramref name="now"/> for a call to <paramref name="audience"/>.</summary>
    public static TestToken For(string issuer, string audience, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        var token = new TestToken();
        token.Payload["iss"] = issuer;
        token.Payload["aud"] = audience;
        token.Payload["iat"] = now.ToUnixTimeSeconds();
        token.Payload["exp"] = (now + (lifetime ?? TimeSpan.FromMinutes(5))).ToUnixTimeSeconds();
        token.Payload["jti"] = Guid.NewGuid().ToString();
        return token;
    }

    public TestToken With(string claim, JsonNode? value)
    {
        Payload[claim] = value;
        return this;
    }

    public TestToken Without(string claim)
    {
        Payload.Remove(claim);
        return this;
    }

    public TestToken WithHeader(string name, JsonNode? value)
    {
        Header[name] = value;
        return this;
    }

    /// <summary>Signs with the key's own algorithm (or <paramref name="alg"/>) through Microsoft.IdentityModel.</summary>
    public string Sign(TestSigningKey key, string? alg = null)
    {
        alg ??= key.Alg;
        Header["alg"] = alg;
        Header["kid"] ??= key.Kid;
        var signingInput = SigningInput();
        var provider = key.PrivateKey.CryptoProviderFactory.CreateForSigning(key.PrivateKey, alg);
        try
        {
            return signingInput + "." + Base64UrlEncoder.Encode(provider.Sign(Encoding.ASCII.GetBytes(signingInput)));
        }
        finally
        {
            key.PrivateKey.CryptoProviderFactory.ReleaseSignatureProvider(provider);
        }
    }

    /// <summary>The classic algorithm-confusion attack: HS256 with the issuer's public key as the HMAC secret.</summary>
    public string SignHs256WithPublicKey(TestSigningKey key)
    {
        Header["alg"] = "HS256";
        Header["kid"] ??= key.Kid;
        var signingInput = SigningInput();
        var mac = HMACSHA256.HashData(Encoding.ASCII.GetBytes(key.PublicKeyPem), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(mac);
    }

    /// <summary>An unsecured JWS (<c>alg: none</c>, empty signature).</summary>
    public string Unsigned()
    {
        Header["alg"] = "none";
        return SigningInput() + ".";
    }

    private string SigningInput() =>
        Base64UrlEncoder.Encode(Header.ToJsonString()) + "." + Base64UrlEncoder.Encode(Payload.ToJsonString());
}
