using System.Text.Json;
using System.Text.RegularExpressions;

namespace CalcCds.Fhir.Tests.TestServer;

/// <summary>
/// Checks a resource against the official FHIR R4 JSON schema (shared/data/fhir-r4-definitions/fhir.schema.json)
/// for the parts of JSON Schema that file uses: <c>$ref</c>, <c>properties</c> with no additional ones,
/// <c>required</c>, <c>items</c>, <c>enum</c>, <c>const</c>, <c>type</c> and <c>pattern</c>. No validator package
/// restores here, and this subset catches what hand-written samples get wrong: misspelt elements, bad codes
/// and dates, wrong JSON types, empty arrays.
/// </summary>
internal sealed class FhirJsonSchema
{
    private readonly JsonElement definitions;
    private readonly Dictionary<string, Regex> patterns = [];

    private FhirJsonSchema(JsonDocument schema) => definitions = schema.RootElement.GetProperty("definitions").Clone();

    public static FhirJsonSchema Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new FhirJsonSchema(document);
    }

    /// <summary>Every violation, as "path: message"; empty when the resource conforms.</summary>
    public IReadOnlyList<string> Validate(JsonElement resource)
    {
        var errors = new List<string>();
        ValidateResource(resource, "$", errors);
        return errors;
    }

    private void ValidateResource(JsonElement resource, string path, List<string> errors)
    {
        var type = resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("resourceType", out var t) ? t.GetString() : null;
        if (type is null || !definitions.TryGetProperty(type, out _))
        {
            errors.Add($"{path}: not a known resource type ({type ?? "none"})");
            return;
        }

        ValidateObject(resource, type, path, errors);
    }

    private void ValidateObject(JsonElement value, string definition, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object ({definition})");
            return;
        }

        var schema = definitions.GetProperty(definition);
        var properties = schema.GetProperty("properties");
        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetProperty(property.Name, out var propertySchema))
            {
                ValidateValue(property.Value, propertySchema, path + "." + property.Name, errors);
            }
            else
            {
                errors.Add($"{path}.{property.Name}: not an element of {definition}");
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: missing required {name}");
                }
            }
        }
    }

    private void ValidateValue(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (schema.TryGetProperty("items", out var items))
        {
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                errors.Add($"{path}: expected a non-empty array");
                return;
            }

            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                ValidateValue(item, items, $"{path}[{i++}]", errors);
            }

            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/definitions/".Length..];
            if (name == "ResourceList")
            {
                ValidateResource(value, path, errors);
            }
            else if (definitions.GetProperty(name).TryGetProperty("properties", out _))
            {
                ValidateObject(value, name, path, errors);
            }
            else
            {
                ValidatePrimitive(value, definitions.GetProperty(name), path, errors);
            }

            return;
        }

        ValidatePrimitive(value, schema, path, errors);
    }

    private void ValidatePrimitive(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (schema.TryGetProperty("const", out var constant) && value.GetString() != constant.GetString())
        {
            errors.Add($"{path}: must be {constant.GetString()}");
        }

        if (schema.TryGetProperty("enum", out var allowed)
            && !allowed.EnumerateArray().Any(a => a.GetString() == (value.ValueKind == JsonValueKind.String ? value.GetString() : null)))
        {
            errors.Add($"{path}: '{value}' is not one of the allowed codes");
        }

        var kindOk = (schema.TryGetProperty("type", out var type) ? type.GetString() : null) switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!kindOk)
        {
            errors.Add($"{path}: expected a JSON {type.GetString()}");
            return;
        }

        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("pattern", out var pattern)
            && !Pattern(pattern.GetString()!).IsMatch(value.GetString()!))
        {
            errors.Add($"{path}: '{value.GetString()}' does not match {pattern.GetString()}");
        }
    }

    private Regex Pattern(string pattern)
    {
        if (!patterns.TryGetValue(pattern, out var regex))
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            patterns[pattern] = regex;
        }

        return regex;
    }
}
