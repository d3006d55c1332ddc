using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CalcCds.Fhir.Tests.Serialization;

/// <summary>
/// Semantic JSON comparison for round-trip tests: same members and values, member order ignored,
/// numbers compared as decimals (1.50 equals 1.5 only numerically; we keep the text anyway).
/// </summary>
internal static class JsonTree
{
    /// <summary>The path of the first difference, or null when the trees are equal.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (!a.ContainsKey(name))
                    {
                        return $"{path}.{name}: missing";
                    }

                    if (FirstDifference(value, a[name], $"{path}.{name}") is { } difference)
                    {
                        return difference;
                    }
                }

                return a.Select(p => p.Key).FirstOrDefault(name => !e.ContainsKey(name)) is { } extra
                    ? $"{path}.{extra}: unexpected"
                    : null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path}: {e.Count} items expected, {a.Count} found";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a):
                return ValuesEqual(e, a) ? null : $"{path}: expected {e.ToJsonString()}, found {a.ToJsonString()}";
            default:
                return $"{path}: expected {expected?.ToJsonString() ?? "null"}, found {actual?.ToJsonString() ?? "null"}";
        }
    }

    private static bool ValuesEqual(JsonValue expected, JsonValue actual)
    {
        var (e, a) = (expected.GetValueKind(), actual.GetValueKind());
        if (e != a)
        {
            return false;
        }

        return e switch
        {
            JsonValueKind.Number => decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.String => expected.GetValue<string>() == actual.GetValue<string>(),
            _ => true, // true, false, null: equal kinds are equal values
        };
    }
}
