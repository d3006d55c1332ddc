using System.Text.Json;
using System.Text.Json.Serialization;

namespace CalcCds.Fhir.Model;

/// <summary>
/// A valid R4 resource of a type we do not model (Claim, Provenance, Specimen, ...). It keeps the
/// whole JSON object and writes it back unchanged, so a Synthea bundle round-trips.
/// </summary>
/// <remarks>
/// <see cref="Resource.Id"/> is filled from the JSON for reading;
/// serialization writes <see cref="Json"/> as it is, so change the JSON, not that property.
/// </remarks>
public sealed record OtherResource : Resource
{
    private OtherResource(string resourceType, JsonElement json)
    {
        ResourceType = resourceType;
        Json = json;
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override string ResourceType { get; }

    /// <summary>The resource's complete JSON object, <c>resourceType</c> included.</summary>
    [JsonIgnore]
    public JsonElement Json { get; }

    /// <summary>Wraps a JSON object whose <c>resourceType</c> is an R4 type name.</summary>
    /// <exception cref="ArgumentException">Not an object, or <c>resourceType</c> is missing or not an R4 type.</exception>
    public static OtherResource FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("resourceType", out var type)
            || type.ValueKind != JsonValueKind.String
            || type.GetString() is not { } name
            || !ResourceTypeNames.IsR4(name))
        {
            throw new ArgumentException("Expected a JSON object with an R4 resourceType.", nameof(json));
        }

        var clone = json.Clone();
        return new OtherResource(name, clone)
        {
            Id = clone.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
        };
    }
}
