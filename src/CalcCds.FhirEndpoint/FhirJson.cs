using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CalcCds.FhirEndpoint;

/// <summary>Small readers over raw FHIR JSON, deliberately independent of our own FHIR model.</summary>
public static class FhirJson
{
    public static string? ResourceTypeOf(JsonObject resource) =>
        resource["resourceType"] is JsonValue v && v.TryGetValue<string>(out var type) && type.Length > 0 ? type : null;

    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : null;

    /// <summary>
    /// <c>Type/id</c> of a reference, whatever its form: relative, absolute URL, or with <c>_history</c>.
    /// </summary>
    public static string? NormalizeReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var path = reference;
        var history = path.IndexOf("/_history/", StringComparison.Ordinal);
        if (history >= 0)
        {
            path = path[..history];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 ? segments[^2] + "/" + segments[^1] : path;
    }

    /// <summary>
    /// Token match (<c>code</c>, <c>system|code</c>, <c>|code</c>, <c>system|</c>) against a CodeableConcept,
    /// a Coding, or an array of either.
    /// </summary>
    public static bool TokenMatches(JsonElement? element, string token)
    {
        if (element is not { } value)
        {
            return false;
        }

        string? system = null;
        var code = token;
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (bar >= 0)
        {
            system = token[..bar];
            code = token[(bar + 1)..];
        }

        return Codings(value).Any(coding =>
        {
            var codingSystem = String(coding, "system");
            var systemOk = system is null || (system.Length == 0 ? codingSystem is null : system == codingSystem);
            var codeOk = code.Length == 0 || code == String(coding, "code");
            return systemOk && codeOk;
        });
    }

    /// <summary>Parses a FHIR date, dateTime or instant to the start of the period it names.</summary>
    public static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        string[] partialFormats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(value, partialFormats, CultureInfo.InvariantCulture, utc, out var partial))
        {
            return partial;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, utc, out var full) ? full : null;
    }

    private static IEnumerable<JsonElement> Codings(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().SelectMany(Codings);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        if (value.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array)
        {
            return codings.EnumerateArray();
        }

        // A bare Coding (e.g. Encounter.class) has system/code at the top.
        return value.TryGetProperty("code", out _) ? [value] : [];
    }
}
