using System.Text.Json;
using System.Text.Json.Serialization;

namespace CalcCds.Fhir.Model;

/// <summary>Base of every FHIR datatype and backbone element.</summary>
public abstract record Element : IHasAdditionalElements
{
    /// <summary>Unique id for the element within a resource (for internal references).</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-90)]
    public string? Id { get; init; }

    /// <summary>Additional content defined by implementations.</summary>
    [JsonPropertyName("extension")]
    [JsonPropertyOrder(-89)]
    public IReadOnlyList<Extension>? Extension { get; init; }

    /// <inheritdoc />
    /// <remarks>
    /// The only settable member: System.Text.Json cannot fill extension data through an init-only
    /// (constructor-like) member. Treat it as read-only; use <c>with</c> to change a record.
    /// </remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalElements { get; set; }
}
