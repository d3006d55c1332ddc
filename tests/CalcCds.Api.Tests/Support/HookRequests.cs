using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CalcCds.Testing.Fhir;

namespace CalcCds.Api.Tests.Support;

/// <summary>Builds CDS Hooks requests the way an EHR does, with prefetch read from the test FHIR server.</summary>
public static class HookRequests
{
    public static JsonObject PatientView(string patientId, string? hookInstance = null) => new()
    {
        ["hook"] = "patient-view",
        ["hookInstance"] = hookInstance ?? Guid.NewGuid().ToString(),
        ["context"] = new JsonObject { ["userId"] = "Practitioner/dr-test", ["patientId"] = patientId },
    };

    /// <summary>An order-select / order-sign request: the drafts as a collection Bundle in <c>context.draftOrders</c>,
    /// and for order-select the <c>selections</c> (all drafts when none are given).</summary>
    public static JsonObject Order(string hook, string patientId, IEnumerable<JsonNode> drafts, IEnumerable<string>? selections = null)
    {
        var resources = drafts.Select(d => d.DeepClone()).ToList();
        var context = new JsonObject
        {
            ["userId"] = "Practitioner/dr-test",
            ["patientId"] = patientId,
            ["draftOrders"] = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "collection",
                ["entry"] = new JsonArray(resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r }).ToArray()),
            },
        };
        if (hook == "order-select")
        {
            var selected = selections ?? resources.Select(r => "ServiceRequest/" + (string?)r["id"]);
            context["selections"] = new JsonArray(selected.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
        }

        return new JsonObject { ["hook"] = hook, ["hookInstance"] = Guid.NewGuid().ToString(), ["context"] = context };
    }

    public static JsonObject WithFhirServer(this JsonObject request, FhirTestServer server, string? token = "fhir-access-token-123")
    {
        request["fhirServer"] = server.BaseUrl.ToString();
        if (token is not null)
        {
            request["fhirAuthorization"] = new JsonObject
            {
                ["access_token"] = token,
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["scope"] = "user/*.read",
                ["subject"] = "calccds",
            };
        }

        return request;
    }

    /// <summary>Fills the given prefetch keys (all of the service's when none are named) by running the discovery
    /// templates of the service for the request's hook against the test FHIR server, as an EHR would.</summary>
    public static async Task<JsonObject> WithPrefetchAsync(this JsonObject request, HttpClient service, FhirTestServer server, params string[] keys)
    {
        using var fhir = new HttpClient();
        var discovery = await service.GetFromJsonAsync<JsonObject>("/cds-services");
        var hook = (string?)request["hook"] ?? "patient-view";
        var definition = discovery!["services"]!.AsArray().First(s => (string?)s!["hook"] == hook)!;
        var patientId = (string)request["context"]!["patientId"]!;
        var prefetch = new JsonObject();
        foreach (var (key, template) in definition["prefetch"]!.AsObject())
        {
            if (keys.Length > 0 && !keys.Contains(key))
            {
                continue;
            }

            var query = ((string)template!).Replace("{{context.patientId}}", Uri.EscapeDataString(patientId), StringComparison.Ordinal);
            using var response = await fhir.GetAsync(server.UrlFor(query));
            prefetch[key] = response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }

        request["prefetch"] = prefetch;
        return request;
    }

    public static StringContent Json(this JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");
}
