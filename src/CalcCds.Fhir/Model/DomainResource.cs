using System.Text.Json.Serialization;

namespace CalcCds.Fhir.Model;

/// <summary>A resource with narrative, contained resources and extensions (all but Bundle, Binary, Parameters).</summary>
public abstract record DomainResource : Resource
{
    /// <summary>Text summary of the resource, for human interpretation.</summary>
    [JsonPropertyName("text")]
    [JsonPropertyOrder(-95)]
    public Narrative? Text { get; init; }

    /// <summary>Resources contained inline, referenced as <c>#id</c>.</summary>
    [JsonPropertyName("contained")]
    [JsonPropertyOrder(-94)]
    public IReadOnlyList<Resource>? Contained { get; init; }

    /// <summary>Additional content defined by implementations.</summary>
    [JsonPropertyName("extension")]
    [JsonPropertyOrder(-93)]
    public IReadOnlyList<Extension>? Extension { get; init; }

    /// <summary>Extensions that cannot be ignored.</summary>
    [JsonPropertyName("modifierExtension")]
    [JsonPropertyOrder(-92)]
    public IReadOnlyList<Extension>? ModifierExtension { get; init; }
}
