using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CalcCds.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CalcCds.Cli.Tests;

/// <summary>
/// <c>--service</c> against a running CalcCds that requires CDS Hooks JWTs (security mode Jwt, our issuer trusted
/// through an inline JWKS): signed calls are accepted, unsigned ones end in exit code 3.
/// </summary>
public sealed class SignedServiceTests : IAsyncLifetime
{
    private const string Issuer = "https://ehr.example.org";

    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly TempFolder temp = new();
    private WebApplication service = null!;
    private string serviceUrl = null!;
    private string chart = null!;

    public async Task InitializeAsync()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key) { KeyId = "replay-test" });
        var publicJwk = new JsonObject { ["kty"] = "EC", ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y, ["kid"] = jwk.Kid, ["alg"] = "ES384" };
        var privateJwk = publicJwk.DeepClone().AsObject();
        privateJwk["d"] = jwk.D;
        temp.Write("ehr.jwk", privateJwk.ToJsonString());

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CalcCds:Security:Mode"] = "Jwt",
            ["CalcCds:Security:Issuers:0:Issuer"] = Issuer,
            ["CalcCds:Security:Issuers:0:Jwks"] = new JsonObject { ["keys"] = new JsonArray(publicJwk) }.ToJsonString(),
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCalcCdsServices();
        service = builder.Build();
        service.UseCalcCds();
        await service.StartAsync();
        serviceUrl = service.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        // A copy without its .expect.json: this service's clock is not pinned, so only the call itself is judged.
        chart = temp.Write("chart.json", await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "context-r18-dvt-suspected.json")));
    }

    public async Task DisposeAsync()
    {
        await service.StopAsync();
        await service.DisposeAsync();
        key.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task SignedRequestsAreAccepted()
    {
        var run = await CliResult.RunAsync("replay", chart, "--service", serviceUrl, "--key", Path.Combine(temp.Path, "ehr.jwk"), "--issuer", Issuer, "--format", "json");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.IsType<JsonArray>(JsonNode.Parse(run.Output.Trim())!["cards"]);
    }

    [Fact]
    public async Task UnsignedRequestsToAJwtServiceExitThree()
    {
        var run = await CliResult.RunAsync("replay", chart, "--service", serviceUrl);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("discovery answered HTTP 401", run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.All);
    }
}
