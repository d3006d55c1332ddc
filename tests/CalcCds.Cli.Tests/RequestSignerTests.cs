using System.Security.Cryptography;
using CalcCds.Cli.Replay;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CalcCds.Cli.Tests;

/// <summary>CDS Hooks client JWTs: ES384/RS384, aud the exact URL, iss = sub, short lifetime, a jti per call.</summary>
public sealed class RequestSignerTests : IDisposable
{
    private static readonly Uri Endpoint = new("https://cds.example.org/cds-services/calccds-patient-view");
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void EcPemKeySignsEs384WithTheExactAudience()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var key = temp.Write("ec.pem", ec.ExportPkcs8PrivateKeyPem());

        var token = new JsonWebToken(RequestSigner.FromKeyFile(key, "https://ehr.example.org", TimeProvider.System).Sign(Endpoint));

        Assert.Equal("ES384", token.Alg);
        Assert.Equal([Endpoint.AbsoluteUri], token.Audiences);
        Assert.Equal("https://ehr.example.org", token.Issuer);
        Assert.Equal(token.Issuer, token.Subject);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.Equal(TimeSpan.FromMinutes(5), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public void RsaPemKeySignsRs384()
    {
        using var rsa = RSA.Create(2048);
        var key = temp.Write("rsa.pem", rsa.ExportRSAPrivateKeyPem());

        var token = new JsonWebToken(RequestSigner.FromKeyFile(key, "ehr", TimeProvider.System).Sign(Endpoint));

        Assert.Equal("RS384", token.Alg);
    }

    [Fact]
    public void EachCallGetsItsOwnJti()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var signer = RequestSigner.FromKeyFile(temp.Write("ec.pem", ec.ExportPkcs8PrivateKeyPem()), "ehr", TimeProvider.System);

        Assert.NotEqual(new JsonWebToken(signer.Sign(Endpoint)).Id, new JsonWebToken(signer.Sign(Endpoint)).Id);
    }

    [Fact]
    public void PublicJwkIsRefused()
    {
        var key = temp.Write("public.jwk", """{"kty": "EC", "crv": "P-384", "x": "AAAA", "y": "AAAA"}""");

        var ex = Assert.Throws<UsageException>(() => RequestSigner.FromKeyFile(key, "ehr", TimeProvider.System));
        Assert.Contains("no private part", ex.Message, StringComparison.Ordinal);
    }
}
