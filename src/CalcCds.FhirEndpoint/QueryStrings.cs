namespace CalcCds.FhirEndpoint;

/// <summary>
/// Order-preserving query parsing. FHIR repeats a parameter to mean AND, and the order matters for
/// the self/next links, so the ASP.NET dictionary form (which merges repeats) is not enough.
/// </summary>
public static class QueryStrings
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string queryString)
    {
        var query = queryString.StartsWith('?') ? queryString[1..] : queryString;
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            result.Add(new(Decode(name), Decode(value)));
        }

        return result;
    }

    public static string Format(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
