using System.Text.Json;

namespace CalcCds.Fhir.Model;

/// <summary>
/// Anything (resource or element) that keeps the JSON members our records do not model:
/// unknown elements and the <c>_element</c> siblings that carry a primitive's id and extensions.
/// </summary>
public interface IHasAdditionalElements
{
    /// <summary>Unmodelled JSON members by name, kept verbatim so the resource round-trips.</summary>
    Dictionary<string, JsonElement>? AdditionalElements { get; }
}
