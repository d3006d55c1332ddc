using System.Globalization;
using System.Text.Json;

namespace CalcCds.FhirEndpoint;

/// <summary>Writes a search page as a FHIR searchset Bundle with self/next/previous links.</summary>
public static class Searchsets
{
    public static byte[] Write(SearchPage page, Uri baseUrl, string resourceType, DateTimeOffset now) =>
        FhirResponse.Write(w =>
        {
            w.WriteString("resourceType", "Bundle");
            w.WriteString("id", Guid.NewGuid().ToString());
            w.WriteStartObject("meta");
            w.WriteString("lastUpdated", now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteString("type", "searchset");
            w.WriteNumber("total", page.Total);

            w.WriteStartArray("link");
            WriteLink(w, "self", PageUrl(page, baseUrl, resourceType, page.Offset));
            if (page.Count > 0 && page.Offset + page.Count < page.Total)
            {
                WriteLink(w, "next", PageUrl(page, baseUrl, resourceType, page.Offset + page.Count));
            }

            if (page.Offset > 0 && page.Count > 0)
            {
                WriteLink(w, "previous", PageUrl(page, baseUrl, resourceType, Math.Max(0, page.Offset - page.Count)));
            }

            w.WriteEndArray();

            // FHIR JSON forbids empty arrays, so a page without matches has no "entry" at all.
            if (page.Entries.Count > 0)
            {
                w.WriteStartArray("entry");
                foreach (var resource in page.Entries)
                {
                    w.WriteStartObject();
                    w.WriteString("fullUrl", new Uri(baseUrl, resourceType + "/" + FhirJson.String(resource, "id")).AbsoluteUri);
                    w.WritePropertyName("resource");
                    resource.WriteTo(w);
                    w.WriteStartObject("search");
                    w.WriteString("mode", "match");
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }
        });

    private static void WriteLink(Utf8JsonWriter w, string relation, string url)
    {
        w.WriteStartObject();
        w.WriteString("relation", relation);
        w.WriteString("url", url);
        w.WriteEndObject();
    }

    private static string PageUrl(SearchPage page, Uri baseUrl, string resourceType, int offset)
    {
        var parameters = page.AppliedParameters
            .Append(new("_count", page.Count.ToString(CultureInfo.InvariantCulture)));
        if (offset > 0)
        {
            parameters = parameters.Append(new(FhirSearch.OffsetParameter, offset.ToString(CultureInfo.InvariantCulture)));
        }

        return new Uri(baseUrl, resourceType + "?" + QueryStrings.Format(parameters)).AbsoluteUri;
    }
}
