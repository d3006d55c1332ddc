using System.Text.Json.Nodes;

namespace CalcCds.FhirEndpoint;

/// <summary>
/// Turns a Bundle (transaction, batch, collection, searchset, ...) into standalone resources.
/// Synthea and many transaction bundles name entries by <c>urn:uuid:</c> fullUrls and point at them
/// with the same URNs; a server assigns real ids on POST, so we rewrite both to <c>Type/id</c> here,
/// otherwise a search by <c>patient=</c> could never match.
/// </summary>
public static class FhirBundles
{
    /// <summary>Copies of every <c>entry.resource</c>, ids assigned and fullUrl references rewritten.</summary>
    public static IReadOnlyList<JsonObject> ExtractResources(JsonObject bundle)
    {
        if (FhirJson.ResourceTypeOf(bundle) != "Bundle")
        {
            throw new ArgumentException("Expected a resource with resourceType Bundle.", nameof(bundle));
        }

        var resources = new List<JsonObject>();
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (bundle["entry"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (entry["resource"] is not JsonObject original)
            {
                continue; // e.g. a DELETE entry in a transaction: nothing to store.
            }

            var resource = original.DeepClone().AsObject();
            var type = FhirJson.ResourceTypeOf(resource)
                ?? throw new ArgumentException("A bundle entry resource has no resourceType.", nameof(bundle));
            var fullUrl = (string?)entry["fullUrl"];
            var id = (string?)resource["id"];
            if (string.IsNullOrEmpty(id))
            {
                id = fullUrl is not null && fullUrl.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase)
                    ? fullUrl["urn:uuid:".Length..]
                    : Guid.NewGuid().ToString();
                resource["id"] = id;
            }

            if (!string.IsNullOrEmpty(fullUrl))
            {
                targets[fullUrl] = type + "/" + id;
            }

            resources.Add(resource);
        }

        foreach (var resource in resources)
        {
            RewriteReferences(resource, targets);
        }

        return resources;
    }

    private static void RewriteReferences(JsonNode? node, Dictionary<string, string> targets)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["reference"] is JsonValue value && value.TryGetValue<string>(out var reference)
                    && targets.TryGetValue(reference, out var rewritten))
                {
                    obj["reference"] = rewritten;
                }

                foreach (var property in obj.ToList())
                {
                    RewriteReferences(property.Value, targets);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RewriteReferences(item, targets);
                }

                break;
            default:
                break;
        }
    }
}
