using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CalcCds.Cli.Replay;

/// <summary>
/// Signs CDS Hooks client JWTs (CDS Hooks 2.0 §Trusting CDS Clients): <c>iss</c> and <c>sub</c> the client,
/// <c>aud</c> the exact service URL, short <c>exp</c>, a fresh <c>jti</c>; ES384 for EC keys, RS384 for RSA.
/// </summary>
internal sealed class RequestSigner(SigningCredentials credentials, string issuer, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler handler = new();

    public string Algorithm => credentials.Algorithm;

    public string Sign(Uri audience)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience.AbsoluteUri,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = issuer,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(),
            },
        });
    }

    /// <summary>Reads a private key from a JWK (JSON) or PEM file; throws <see cref="UsageException"/> when it cannot.</summary>
    public static RequestSigner FromKeyFile(string path, string issuer, TimeProvider time)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new UsageException($"--key {path}: {ex.Message}");
        }

        var key = text.TrimStart().StartsWith('{') ? FromJwk(path, text) : FromPem(path, text);
        var algorithm = key switch
        {
            ECDsaSecurityKey => SecurityAlgorithms.EcdsaSha384,
            RsaSecurityKey => SecurityAlgorithms.RsaSha384,
            JsonWebKey { Kty: JsonWebAlgorithmsKeyTypes.EllipticCurve } => SecurityAlgorithms.EcdsaSha384,
            JsonWebKey { Kty: JsonWebAlgorithmsKeyTypes.RSA } => SecurityAlgorithms.RsaSha384,
            _ => throw new UsageException($"--key {path}: only EC (ES384) and RSA (RS384) keys can sign CDS Hooks JWTs"),
        };
        return new RequestSigner(new SigningCredentials(key, algorithm), issuer, time);
    }

    private static JsonWebKey FromJwk(string path, string text)
    {
        JsonWebKey jwk;
        try
        {
            jwk = new JsonWebKey(text);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--key {path}: not a JWK ({ex.Message})");
        }

        if (!jwk.HasPrivateKey)
        {
            throw new UsageException($"--key {path}: the JWK has no private part (\"d\"); a public key cannot sign");
        }

        return jwk;
    }

    private static SecurityKey FromPem(string path, string text)
    {
        if (!text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new UsageException($"--key {path}: neither a JWK nor a PEM private key");
        }

        // The key objects live as long as the signer, i.e. the whole run; they are not disposed on purpose.
        try
        {
            if (text.Contains("BEGIN RSA PRIVATE KEY", StringComparison.Ordinal))
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(text);
                return new RsaSecurityKey(rsa);
            }

            if (text.Contains("BEGIN EC PRIVATE KEY", StringComparison.Ordinal))
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(text);
                return new ECDsaSecurityKey(ec);
            }

            // PKCS#8 says its algorithm inside: try EC first (the CDS Hooks default), then RSA.
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportFromPem(text);
                return new ECDsaSecurityKey(ecdsa);
            }
            catch (CryptographicException)
            {
                ecdsa.Dispose();
                var rsa = RSA.Create();
                rsa.ImportFromPem(text);
                return new RsaSecurityKey(rsa);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new UsageException($"--key {path}: unreadable PEM private key ({ex.Message})");
        }
    }
}

/// <summary>A command-line mistake, worded for the user (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
