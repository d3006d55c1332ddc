using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CalcCds.FhirEndpoint;

/// <summary>A response decided before anything is written, so the request can be marked ended first.</summary>
public sealed record FhirResponse(int StatusCode, string ContentType, byte[] Body)
{
    public const string FhirJsonContentType = "application/fhir+json; charset=utf-8";

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static FhirResponse Json(int statusCode, byte[] body) => new(statusCode, FhirJsonContentType, body);

    public static FhirResponse Resource(JsonElement resource) =>
        Json(200, JsonSerializer.SerializeToUtf8Bytes(resource));

    /// <summary>An OperationOutcome with one issue (FHIR issue-type codes: not-found, login, throttled, ...).</summary>
    public static FhirResponse Outcome(int statusCode, string issueCode, string diagnostics) =>
        Json(statusCode, Write(w =>
        {
            w.WriteString("resourceType", "OperationOutcome");
            w.WriteStartArray("issue");
            w.WriteStartObject();
            w.WriteString("severity", statusCode >= 500 ? "fatal" : "error");
            w.WriteString("code", issueCode);
            w.WriteString("diagnostics", diagnostics);
            w.WriteEndObject();
            w.WriteEndArray();
        }));

    public static FhirResponse Text(int statusCode, string contentType, string body) =>
        new(statusCode, contentType, Encoding.UTF8.GetBytes(body));

    /// <summary>Writes one JSON object with <paramref name="body"/> filling in its properties.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
