using System.Globalization;
using System.Text.Json;

namespace CalcCds.FhirEndpoint;

/// <summary>The page a search produced, and the parameters it actually honoured (for self/next links).</summary>
public sealed record SearchPage(
    IReadOnlyList<JsonElement> Entries,
    int Total,
    int Offset,
    int Count,
    IReadOnlyList<KeyValuePair<string, string>> AppliedParameters);

/// <summary>
/// The FHIR search subset our prefetch templates use (clinical-pathway.md §1.5). Parameters it does not
/// know are ignored, as FHIR servers do by default (lenient handling), and left out of the self link.
/// A repeated parameter means AND; a comma inside a value means OR.
/// </summary>
public static class FhirSearch
{
    public const string OffsetParameter = "_getpagesoffset";

    // Date-ish elements in the order the generic "date" sort looks for them.
    private static readonly string[] DatePaths =
    [
        "effectiveDateTime", "effectivePeriod.start", "effectiveInstant", "issued", "period.start",
        "performedDateTime", "performedPeriod.start", "occurrenceDateTime", "occurrencePeriod.start",
        "onsetDateTime", "recordedDate", "authoredOn", "started", "date",
    ];

    /// <summary>Runs the search; a string result is a 400 diagnostic.</summary>
    public static (SearchPage? Page, string? Error) Run(
        IReadOnlyList<JsonElement> resources,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        int defaultPageSize)
    {
        var applied = new List<KeyValuePair<string, string>>();
        var filters = new List<Func<JsonElement, bool>>();
        var sortKeys = new List<(Func<JsonElement, DateTimeOffset?> Key, bool Descending)>();
        var count = defaultPageSize;
        var offset = 0;

        foreach (var (name, value) in parameters)
        {
            if (value.Length == 0)
            {
                continue;
            }

            var values = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Func<JsonElement, bool>? filter = name switch
            {
                "patient" => r => values.Any(v => ReferenceMatches(r, v, "Patient", "subject", "patient")),
                "subject" => r => values.Any(v => ReferenceMatches(r, v, null, "subject")),
                "category" => r => values.Any(v => FhirJson.TokenMatches(FhirJson.Property(r, "category"), v)),
                "code" => r => values.Any(v => FhirJson.TokenMatches(FhirJson.Property(r, "code"), v)),
                "status" => r => values.Contains(FhirJson.String(r, "status"), StringComparer.Ordinal),
                "_id" => r => values.Contains(FhirJson.String(r, "id"), StringComparer.Ordinal),
                _ => null,
            };

            if (filter is not null)
            {
                filters.Add(filter);
                applied.Add(new(name, value));
                continue;
            }

            switch (name)
            {
                case "_sort":
                    var honoured = new List<string>();
                    foreach (var key in values)
                    {
                        var descending = key.StartsWith('-');
                        Func<JsonElement, DateTimeOffset?>? extractor = key.TrimStart('-') switch
                        {
                            "date" => FirstDate,
                            "started" => r => FhirJson.ParseDate(FhirJson.String(r, "started")),
                            "authored" => r => FhirJson.ParseDate(FhirJson.String(r, "authoredOn")),
                            _ => null,
                        };
                        if (extractor is not null)
                        {
                            sortKeys.Add((extractor, descending));
                            honoured.Add(key);
                        }
                    }

                    if (honoured.Count > 0)
                    {
                        applied.Add(new(name, string.Join(',', honoured)));
                    }

                    break;
                // The out variable is assigned either way; the case only fires when parsing failed.
                case "_count" when !TryNonNegative(value, out count):
                    return (null, "_count must be a non-negative integer, got '" + value + "'.");
                case OffsetParameter when !TryNonNegative(value, out offset):
                    return (null, OffsetParameter + " must be a non-negative integer, got '" + value + "'.");
                default:
                    break;
            }
        }

        IEnumerable<JsonElement> matches = resources.Where(r => filters.TrueForAll(f => f(r)));
        if (sortKeys.Count > 0)
        {
            // LINQ ordering is stable: ties keep insertion order.
            matches = matches.Order(Comparer<JsonElement>.Create((a, b) => Compare(a, b, sortKeys)));
        }

        var all = matches.ToList();
        var page = all.Skip(offset).Take(count).ToList();
        return (new SearchPage(page, all.Count, offset, count, applied), null);
    }

    private static int Compare(JsonElement a, JsonElement b, List<(Func<JsonElement, DateTimeOffset?> Key, bool Descending)> keys)
    {
        foreach (var (key, descending) in keys)
        {
            var (x, y) = (key(a), key(b));
            var result = (x, y) switch
            {
                (null, null) => 0,
                (null, _) => 1, // missing dates go last in either direction
                (_, null) => -1,
                _ => descending ? y.Value.CompareTo(x.Value) : x.Value.CompareTo(y.Value),
            };
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    private static DateTimeOffset? FirstDate(JsonElement resource)
    {
        foreach (var path in DatePaths)
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var value = dot < 0
                ? FhirJson.String(resource, path)
                : FhirJson.Property(resource, path[..dot]) is { } parent ? FhirJson.String(parent, path[(dot + 1)..]) : null;
            if (FhirJson.ParseDate(value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>123</c> means <c>{defaultType}/123</c> (any type when there is none); <c>Patient/123</c> and absolute
    /// URLs are compared on their last two segments.
    /// </summary>
    private static bool ReferenceMatches(JsonElement resource, string value, string? defaultType, params string[] elements)
    {
        var wanted = value.Contains('/', StringComparison.Ordinal) ? FhirJson.NormalizeReference(value) : null;
        foreach (var element in elements)
        {
            var actual = FhirJson.Property(resource, element) is { } reference
                ? FhirJson.NormalizeReference(FhirJson.String(reference, "reference"))
                : null;
            if (actual is null)
            {
                continue;
            }

            var matched = wanted is not null
                ? actual == wanted
                : defaultType is not null ? actual == defaultType + "/" + value : actual.EndsWith("/" + value, StringComparison.Ordinal);
            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryNonNegative(string value, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result);
}
