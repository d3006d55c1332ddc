using System.Text.Json;
using System.Text.Json.Nodes;

namespace CalcCds.FhirEndpoint;

/// <summary>
/// Thread-safe in-memory resources by type and id. Resources are kept as <see cref="JsonElement"/>
/// because, unlike <see cref="JsonNode"/> (which materialises lazily), it is safe to read from many
/// request threads at once.
/// </summary>
public sealed class ResourceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, Stored>> byType = new(StringComparer.Ordinal);
    private long sequence;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byType.Values.Sum(r => r.Count);
            }
        }
    }

    /// <summary>Stores a copy; a resource without an id gets a new GUID. Returns <c>Type/id</c>.</summary>
    public string Add(JsonObject resource)
    {
        var copy = resource.DeepClone().AsObject();
        var type = FhirJson.ResourceTypeOf(copy)
            ?? throw new ArgumentException("A FHIR resource needs a string resourceType.", nameof(resource));
        if (copy["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || id.Length == 0)
        {
            id = Guid.NewGuid().ToString();
            copy["id"] = id;
        }

        var element = JsonSerializer.SerializeToElement(copy);
        lock (gate)
        {
            if (!byType.TryGetValue(type, out var resources))
            {
                resources = new(StringComparer.Ordinal);
                byType.Add(type, resources);
            }

            // Replacing keeps the first insertion position, so search order stays stable across updates.
            var seq = resources.TryGetValue(id, out var existing) ? existing.Sequence : ++sequence;
            resources[id] = new Stored(seq, element);
        }

        return type + "/" + id;
    }

    public JsonElement? Read(string type, string id)
    {
        lock (gate)
        {
            return byType.TryGetValue(type, out var resources) && resources.TryGetValue(id, out var stored)
                ? stored.Resource
                : null;
        }
    }

    /// <summary>All resources of a type in insertion order (a snapshot).</summary>
    public IReadOnlyList<JsonElement> All(string type)
    {
        lock (gate)
        {
            return byType.TryGetValue(type, out var resources)
                ? [.. resources.Values.OrderBy(s => s.Sequence).Select(s => s.Resource)]
                : [];
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            byType.Clear();
        }
    }

    private sealed record Stored(long Sequence, JsonElement Resource);
}
