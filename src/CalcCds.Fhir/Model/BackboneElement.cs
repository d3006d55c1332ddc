using System.Text.Json.Serialization;

namespace CalcCds.Fhir.Model;

/// <summary>Base of elements nested in a resource (Observation.component) and of Timing/Dosage.</summary>
public abstract record BackboneElement : Element
{
    /// <summary>Extensions that change the meaning of the element; a reader that does not understand one must not ignore it.</summary>
    [JsonPropertyName("modifierExtension")]
    [JsonPropertyOrder(-88)]
    public IReadOnlyList<Extension>? ModifierExtension { get; init; }
}
