using System.Text.Json.Nodes;
using CalcCds.FhirEndpoint;

namespace CalcCds.Cli.Replay;

/// <summary>A service as discovery describes it: id, hook, and prefetch templates by key.</summary>
internal sealed record DiscoveredService(string Id, string Hook, IReadOnlyDictionary<string, string> Prefetch)
{
    public static IReadOnlyList<DiscoveredService> From(JsonNode? discovery) =>
        [.. (discovery?["services"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => s["id"] is not null && s["hook"] is not null)
            .Select(s => new DiscoveredService(
                (string)s["id"]!,
                (string)s["hook"]!,
                (s["prefetch"] as JsonObject ?? []).ToDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal)))];
}

/// <summary>Builds the CDS Hooks request an EHR would send for one patient of a replayed file.</summary>
internal static class HookRequests
{
    public static JsonObject Build(
        DiscoveredService service,
        ChartPatient patient,
        string userId,
        IReadOnlyList<JsonObject> draftOrders,
        Uri fhirBase,
        Func<string, FhirResponse> fhir,
        PrefetchMode prefetch,
        IReadOnlyList<string>? selections = null)
    {
        var context = new JsonObject { ["userId"] = userId, ["patientId"] = patient.Id };
        if (service.Hook is "order-select" or "order-sign")
        {
            var entries = new JsonArray();
            foreach (var order in draftOrders)
            {
                entries.Add(new JsonObject { ["resource"] = order.DeepClone() });
            }

            context["draftOrders"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries };
            if (service.Hook == "order-select")
            {
                var selected = selections ?? [.. draftOrders.Select(o => "ServiceRequest/" + (string?)o["id"])];
                context["selections"] = new JsonArray([.. selected.Select(s => (JsonNode)s)]);
            }
        }

        var request = new JsonObject
        {
            ["hook"] = service.Hook,
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["fhirServer"] = fhirBase.AbsoluteUri,
            // The loopback endpoint does not check tokens; a token is sent because a service may insist on one.
            ["fhirAuthorization"] = new JsonObject
            {
                ["access_token"] = "calccds-replay-" + Guid.NewGuid().ToString("N"),
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["scope"] = "patient/*.read",
                ["subject"] = "calccds-replay",
            },
            ["context"] = context,
        };

        if (prefetch != PrefetchMode.None)
        {
            request["prefetch"] = Prefetch(service, patient.Id, userId, fhir, prefetch);
        }

        return request;
    }

    /// <summary>Runs the discovery templates against the file's FHIR endpoint, as an EHR does before calling.</summary>
    private static JsonObject Prefetch(DiscoveredService service, string patientId, string userId, Func<string, FhirResponse> fhir, PrefetchMode mode)
    {
        var prefetch = new JsonObject();
        foreach (var (key, template) in service.Prefetch)
        {
            var query = template
                .Replace("{{context.patientId}}", Uri.EscapeDataString(patientId), StringComparison.Ordinal)
                .Replace("{{context.userId}}", userId, StringComparison.Ordinal)
                .Replace("{{userPractitionerId}}", userId.Split('/')[^1], StringComparison.Ordinal);
            var isSearch = query.Contains('?', StringComparison.Ordinal);
            if (query.Contains("{{", StringComparison.Ordinal) || (mode == PrefetchMode.Partial && isSearch))
            {
                continue; // a token we cannot fill, or left to the service to fetch
            }

            var answer = fhir(query);
            // CDS Hooks: a prefetch the EHR could not get is sent as null.
            prefetch[key] = answer.StatusCode == 200 ? JsonNode.Parse(answer.Body) : null;
        }

        return prefetch;
    }
}
