using System.Net;
using System.Text.Json.Nodes;

namespace CalcCds.Api.Tests.Security;

/// <summary>
/// A run with accepted and refused calls, every log line captured at Trace: no token, no part of a
/// signature, no FHIR access token and no patient identifier may appear in any of them.
/// </summary>
public sealed class LogHygieneTests : SecurityTestBase
{
    private const string Service = "/cds-services/calc-check";
    private const string AccessToken = "fhir-access-token-7f3c1d2e9a";
    private const string PatientId = "phi-patient-5581";

    [Fact]
    public async Task No_token_access_token_or_patient_id_appears_in_any_log_line()
    {
        var used = new List<string>();
        async Task<HttpStatusCode> Call(string path, string token)
        {
            used.Add(token);
            return (await Host.PostAsync(path, token, RequestBody())).StatusCode;
        }

        var good = TokenFor(Service).Sign(Es384);
        Assert.Equal(HttpStatusCode.OK, await Call(Service, good));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Service, good)); // replay
        Assert.Equal(HttpStatusCode.OK, await Call(Service, TokenFor(Service).Sign(Rs384)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Service, TokenFor("/cds-services/other").Sign(Es384)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Service, TokenFor(Service).With("exp", 1_000_000_000).Sign(Es384)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Service, TokenFor(Service).SignHs256WithPublicKey(Es384)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Service, TokenFor(Service).Unsigned()));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Service, "x" + TokenFor(Service).Sign(Es384)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Service, TestToken.For("https://rogue.example.org", Host.Url(Service), Now).Sign(Es384)));

        var secrets = used
            .SelectMany(t => new[] { t }.Concat(t.Split('.').Where(part => part.Length >= 16)))
            .Append(AccessToken)
            .Append(PatientId)
            .Distinct()
            .ToList();
        var logs = Host.Logs.Entries;
        Assert.NotEmpty(logs);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs, e => e.Text.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static string RequestBody() => new JsonObject
    {
        ["hook"] = "order-select",
        ["hookInstance"] = Guid.NewGuid().ToString(),
        ["fhirServer"] = "https://ehr.example.org/fhir",
        ["fhirAuthorization"] = new JsonObject
        {
            ["access_token"] = AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["scope"] = "patient/*.read",
            ["subject"] = "calc-cds",
        },
        ["context"] = new JsonObject { ["patientId"] = PatientId, ["userId"] = "Practitioner/1" },
    }.ToJsonString();
}
