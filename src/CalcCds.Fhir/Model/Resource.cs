using System.Text.Json;
using System.Text.Json.Serialization;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Model;

/// <summary>
/// Base of every FHIR resource. Typed records exist for the resources CalcCds reads and writes;
/// any other R4 resource type parses as <see cref="OtherResource"/>, which keeps its whole JSON.
/// </summary>
/// <remarks>
/// The converter attribute makes a <c>Resource</c>-typed property polymorphic (by <c>resourceType</c>)
/// in any source-generated context, ours or another project's.
/// </remarks>
[JsonConverter(typeof(ResourceJsonConverter))]
public abstract record Resource : IHasAdditionalElements
{
    /// <summary>The FHIR resource type name, written as <c>resourceType</c>.</summary>
    [JsonPropertyName("resourceType")]
    [JsonPropertyOrder(-100)]
    public abstract string ResourceType { get; }

    /// <summary>Logical id of this resource.</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-99)]
    public string? Id { get; init; }

    /// <summary>Metadata about the resource.</summary>
    [JsonPropertyName("meta")]
    [JsonPropertyOrder(-98)]
    public Meta? Meta { get; init; }

    /// <summary>A set of rules under which this content was created.</summary>
    [JsonPropertyName("implicitRules")]
    [JsonPropertyOrder(-97)]
    public string? ImplicitRules { get; init; }

    /// <summary>Language of the resource content.</summary>
    [JsonPropertyName("language")]
    [JsonPropertyOrder(-96)]
    public string? Language { get; init; }

    /// <inheritdoc />
    /// <remarks>
    /// The only settable member: System.Text.Json cannot fill extension data through an init-only
    /// (constructor-like) member. Treat it as read-only; use <c>with</c> to change a record.
    /// </remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalElements { get; set; }
}
