using System.Text.Json;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Model;

/// <summary>Reads the <c>_element</c> siblings that FHIR JSON uses for a primitive's id and extensions.</summary>
public static class AdditionalElementsExtensions
{
    /// <summary>
    /// The extensions on a primitive element, e.g. <c>patient.PrimitiveExtensions("birthDate")</c>
    /// reads <c>_birthDate.extension</c>. Empty when there are none.
    /// </summary>
    /// <exception cref="FhirParseException">The <c>_element</c> sibling is not a valid FHIR Element.</exception>
    public static IReadOnlyList<Extension> PrimitiveExtensions(this IHasAdditionalElements owner, string elementName) =>
        owner.PrimitiveElement(elementName)?.Extension ?? [];

    /// <summary>The <c>_element</c> sibling of a single primitive, or null when absent.</summary>
    /// <exception cref="FhirParseException">The sibling is not a valid FHIR Element.</exception>
    public static PrimitiveElement? PrimitiveElement(this IHasAdditionalElements owner, string elementName)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner.AdditionalElements?.TryGetValue("_" + elementName, out var json) == true
            ? FhirJson.ParseElement(json, "_" + elementName)
            : null;
    }

    /// <summary>
    /// The <c>_element</c> siblings of a repeating primitive (<c>_given</c>), aligned by index with
    /// the values; null where an item has none. Empty when absent.
    /// </summary>
    /// <exception cref="FhirParseException">The sibling is not an array of FHIR Elements.</exception>
    public static IReadOnlyList<PrimitiveElement?> PrimitiveElements(this IHasAdditionalElements owner, string elementName)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var name = "_" + elementName;
        if (owner.AdditionalElements?.TryGetValue(name, out var json) != true)
        {
            return [];
        }

        if (json.ValueKind != JsonValueKind.Array)
        {
            throw new FhirParseException($"$.{name}", "expected an array for a repeating primitive's extensions");
        }

        return [.. json.EnumerateArray().Select((item, i) =>
            item.ValueKind == JsonValueKind.Null ? null : FhirJson.ParseElement(item, $"{name}[{i}]"))];
    }
}
