using System.Net.Http.Headers;
using CalcCds.Api.Tests.Support;
using CalcCds.Pathway;
using CalcCds.Testing.Fhir;

namespace CalcCds.Api.Tests.Security;

/// <summary>
/// A whole run of the real service — JWT-authenticated calls, gaps fetched with an access token, a refused call and a
/// FHIR failure — leaves no token and no patient identifier in any log line written at the configured levels.
/// </summary>
public sealed class ServiceLogHygieneTests
{
    private const string Issuer = "https://ehr.example.org";
    private const string AccessToken = "fhir-access-token-7c1e9d0b5a";
    private const string PatientId = "nrc-patient";

    [Fact]
    public async Task NoTokenOrPatientIdInTheLogs()
    {
        using var key = TestSigningKey.Rsa();
        using var logs = new LogCapture();
        var config = new SecurityConfig().Set("Mode", "Jwt").Issuer(Issuer, jwks: TestSigningKey.Jwks(key));
        await using var factory = new CalcCdsFactory(config.Values.ToDictionary(), logs);
        await using var fhir = await FhirTestServer.StartAsync();
        fhir.LoadSample("narrative-only-right-calf");
        using var client = factory.CreateLoopbackClient();
        var path = "/cds-services/" + PathwayServices.PatientViewId;
        var jwts = new List<string>();

        async Task<int> CallAsync()
        {
            var jwt = TestToken.For(Issuer, new Uri(client.BaseAddress!, path).ToString(), factory.Clock.GetUtcNow()).Sign(key);
            jwts.Add(jwt);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = HookRequests.PatientView(PatientId).WithFhirServer(fhir, AccessToken).Json() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }

        Assert.Equal(200, await CallAsync());
        fhir.Faults.ForResourceType("Condition", FaultAction.Status(500));
        Assert.Equal(412, await CallAsync());
        using (var replay = new HttpRequestMessage(HttpMethod.Post, path) { Content = HookRequests.PatientView(PatientId).Json() })
        {
            replay.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwts[0]);
            Assert.Equal(401, (int)(await client.SendAsync(replay)).StatusCode);
        }

        Assert.NotEmpty(logs.Entries);
        foreach (var entry in logs.Entries)
        {
            Assert.DoesNotContain(AccessToken, entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(PatientId, entry.Text, StringComparison.Ordinal);
            Assert.All(jwts, jwt => Assert.DoesNotContain(jwt.Split('.')[2][..20], entry.Text, StringComparison.Ordinal));
        }
    }
}
