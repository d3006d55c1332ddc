using System.Text.Json;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Hooks.Tests;

public sealed class CdsRequestReaderTests
{
    private const string ValidPatientView = """
        {
          "hook": "patient-view",
          "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
          "fhirServer": "https://fhir.example.org/r4",
          "fhirAuthorization": { "access_token": "secret-token", "token_type": "Bearer", "expires_in": 300, "scope": "user/Patient.read", "subject": "cds-service" },
          "context": { "userId": "Practitioner/1", "patientId": "p1" },
          "prefetch": { "patient": { "resourceType": "Patient", "id": "p1" }, "conditions": null }
        }
        """;

    private static CdsRequest Read(string json, string hook = "patient-view") => CdsRequestReader.Read(JsonDocument.Parse(json), hook);

    private static CdsRequestException Refused(string json, string hook = "patient-view") =>
        Assert.Throws<CdsRequestException>(() => Read(json, hook));

    [Fact]
    public void ValidRequestIsRead()
    {
        using var request = Read(ValidPatientView);

        Assert.Equal("patient-view", request.Hook);
        Assert.Equal("p1", request.Context.PatientId);
        Assert.Equal(new Uri("https://fhir.example.org/r4"), request.FhirServer);
        Assert.Equal("secret-token", request.FhirAuthorization!.AccessToken);
        Assert.Equal(JsonValueKind.Null, request.Prefetch["conditions"].ValueKind);
    }

    [Fact]
    public void AuthorizationToStringNeverShowsTheToken()
    {
        using var request = Read(ValidPatientView);

        Assert.DoesNotContain("secret-token", request.FhirAuthorization!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WrongHookForTheServiceIsRefused()
    {
        var error = Refused(ValidPatientView, "order-sign");

        Assert.Equal(400, error.StatusCode);
        Assert.Contains(error.Issues, i => i.Expression == "hook");
    }

    [Theory]
    [InlineData("hookInstance")]
    [InlineData("context")]
    [InlineData("hook")]
    public void MissingRequiredMemberIsNamed(string member)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ValidPatientView)!.AsObject();
        node.Remove(member);

        var error = Refused(node.ToJsonString());

        Assert.Contains(error.Issues, i => i.Expression == member && i.Code == "required");
    }

    [Theory]
    [InlineData("patientId")]
    [InlineData("userId")]
    public void MissingContextFieldIsNamed(string field)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ValidPatientView)!.AsObject();
        node["context"]!.AsObject().Remove(field);

        var error = Refused(node.ToJsonString());

        Assert.Contains(error.Issues, i => i.Expression == "context." + field);
    }

    [Fact]
    public void OrderSignWithoutDraftOrdersIsRefused()
    {
        var error = Refused("""{"hook":"order-sign","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p1"}}""", "order-sign");

        Assert.Contains(error.Issues, i => i.Expression == "context.draftOrders");
    }

    [Fact]
    public void FhirAuthorizationWithoutFhirServerIsRefused()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ValidPatientView)!.AsObject();
        node.Remove("fhirServer");

        var error = Refused(node.ToJsonString());

        Assert.Contains(error.Issues, i => i.Expression == "fhirServer");
        Assert.DoesNotContain(error.Issues, i => i.Diagnostics.Contains("secret-token", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"hook":"patient-view","hookInstance":42,"context":{"userId":"Practitioner/1","patientId":"p1"}}""", "hookInstance")]
    [InlineData("""{"hook":"patient-view","hookInstance":"x","context":[]}""", "context")]
    [InlineData("""{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":7}}""", "context.patientId")]
    [InlineData("""{"hook":"patient-view","hookInstance":"x","fhirServer":"not a url","context":{"userId":"Practitioner/1","patientId":"p"}}""", "fhirServer")]
    [InlineData("""{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p"},"prefetch":{"patient":"Patient/1"}}""", "prefetch.patient")]
    [InlineData("""{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p"},"prefetch":[]}""", "prefetch")]
    [InlineData("""{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p"},"fhirServer":"https://f","fhirAuthorization":{"access_token":"t","token_type":"MAC"}}""", "fhirAuthorization.token_type")]
    public void WrongTypesAreNamed(string json, string expression)
    {
        var error = Refused(json);

        Assert.Contains(error.Issues, i => i.Expression == expression);
    }

    [Fact]
    public void UnknownMembersAndExtensionsAreAccepted()
    {
        using var request = Read("""
            {"hook":"patient-view","hookInstance":"x","somethingNew":{"a":1},
             "extension":{"com.example.flag":true},
             "context":{"userId":"Practitioner/1","patientId":"p","extension":{"x":1},"customToken":"abc"}}
            """);

        Assert.Equal("abc", request.Context.Primitives["customToken"]);
    }

    [Fact]
    public void HalfFilledDraftOrderFromTheSandboxIsAccepted()
    {
        using var request = Read("""
            {"hook":"order-select","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p","selections":["ServiceRequest/a"],
             "draftOrders":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"ServiceRequest","id":"a","status":"draft","intent":"plan","code":{"coding":[{}]},"reasonCode":[]}}]}}}
            """, "order-select");

        Assert.Single(request.Context.DraftOrders!.Entry!);
    }

    [Fact]
    public void DraftOrdersThatAreNotFhirAreRefusedWithThePath()
    {
        var error = Refused("""
            {"hook":"order-sign","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p",
             "draftOrders":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Nonsense"}}]}}}
            """, "order-sign");

        Assert.Contains(error.Issues, i => i.Expression == "context.draftOrders.entry[0].resource");
    }

    [Fact]
    public void InvalidServiceRequestDraftIsRefusedWithThePath()
    {
        var error = Refused("""
            {"hook":"order-sign","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p",
             "draftOrders":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"ServiceRequest","authoredOn":"yesterday"}}]}}}
            """, "order-sign");

        var issue = Assert.Single(error.Issues);
        Assert.Equal("context.draftOrders.entry[0].resource", issue.Expression);
        Assert.Contains("authoredOn", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedOrderOfATypeThePathwayDoesNotReadIsKeptRaw()
    {
        using var request = Read("""
            {"hook":"order-sign","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p",
             "draftOrders":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"MedicationRequest","status":"draft","dosageInstruction":[{"doseAndRate":{"doseQuantity":{"value":5}}}]}}]}}}
            """, "order-sign");

        Assert.IsType<CalcCds.Fhir.Model.OtherResource>(Assert.Single(request.Context.DraftOrders!.Entry!).Resource);
    }

    [Fact]
    public void DraftOrdersThatAreNotABundleAreRefused()
    {
        var error = Refused("""{"hook":"order-sign","hookInstance":"x","context":{"userId":"Practitioner/1","patientId":"p","draftOrders":{"resourceType":"ServiceRequest"}}}""", "order-sign");

        Assert.Contains(error.Issues, i => i.Expression == "context.draftOrders");
    }

    /// <summary>
    /// Published requests that predate or ignore the 2.0 hook library: each lacks a context field the library requires.
    /// They must be refused with a 400 that names that field, never accepted half-read and never a crash.
    /// </summary>
    private static readonly Dictionary<string, string> NonConforming = new(StringComparer.Ordinal)
    {
        ["cds-hooks/davinci-crd-ri/deviceRequestPrefetch.json"] = "context.userId",
        ["cds-hooks/davinci-crd-ri/deviceRequestFullPrefetch_r4.json"] = "context.userId",
        ["cds-hooks/davinci-crd-ri/deviceRequestEmptyPrefetch_r4.json"] = "context.userId",
        ["cds-hooks/davinci-crd-ri/deviceRequestFullPrefetchWithCoverage_r4.json"] = "context.userId",
        ["cds-hooks/hapi-fhir/ASLPCrdServiceRequest.json"] = "context.userId",
        ["cds-hooks/spec-2.0.1/spec-26-extensions.json"] = "context.patientId",
        ["cds-hooks/community-docs/examples-01-cdc-guideline-for-prescribing-opioids-for-chronic-.json"] = "context.draftOrders",
    };

    public static TheoryData<string> PublishedRequests()
    {
        var data = new TheoryData<string>();
        if (!RepoPaths.SharedDataAvailable)
        {
            return data;
        }

        var folder = Path.Combine(RepoPaths.SharedData, "cds-hooks");
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("hook", out var hook)
                && hook.ValueKind == JsonValueKind.String
                && HookDefinitions.IsKnown(hook.GetString()!)
                && document.RootElement.TryGetProperty("context", out _))
            {
                data.Add(Path.GetRelativePath(RepoPaths.SharedData, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [SharedDataFact]
    public void PublishedRequestsAreFound() =>
        Assert.True(PublishedRequests().Count >= 14);

    /// <summary>Every published request for a hook we serve (spec, hook library, sandbox capture, HAPI, Da Vinci) is
    /// accepted, except the known non-conforming ones, which are refused naming the missing field.</summary>
    [SharedDataTheory]
    [MemberData(nameof(PublishedRequests))]
    public void PublishedRequestForOurHooksIsAcceptedOrRefusedNamingTheMissingField(string relativePath)
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.SharedData, relativePath));
        var hook = JsonDocument.Parse(json).RootElement.GetProperty("hook").GetString()!;

        if (NonConforming.TryGetValue(relativePath, out var missing))
        {
            var error = Refused(json, hook);
            Assert.Equal(400, error.StatusCode);
            Assert.Contains(error.Issues, i => i.Expression == missing && i.Code == "required");
        }
        else
        {
            using var request = Read(json, hook);
            Assert.Equal(hook, request.Hook);
        }
    }
}
