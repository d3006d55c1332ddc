using System.Text.Json;

namespace CalcCds.Fhir.Serialization;

/// <summary>
/// Builds the JSON path of a parse error across nested serializer calls. System.Text.Json knows
/// the path up to the converter that failed; the converter records the part below it in
/// <see cref="Exception.Data"/>, and <see cref="ToParseException"/> joins the two.
/// </summary>
internal static class JsonErrors
{
    private const string SuffixKey = "CalcCds.Fhir.PathSuffix";

    /// <summary>An error at <paramref name="relativePath"/> below the value the converter is reading.</summary>
    public static JsonException At(string relativePath, string reason)
    {
        var error = new JsonException(reason);
        error.Data[SuffixKey] = relativePath;
        return error;
    }

    public static JsonException Nest(JsonException inner) =>
        At(RelativePath(inner), Reason(inner), inner);

    public static FhirParseException ToParseException(Exception error, string basePath = "$") => error switch
    {
        JsonException json => new FhirParseException(basePath + RelativePath(json), Reason(json), json),
        _ => new FhirParseException(basePath, error.Message, error),
    };

    /// <summary>Exceptions that mean "this is not valid FHIR JSON" rather than a bug or an I/O failure.</summary>
    public static bool IsParseFailure(Exception error) =>
        error is JsonException or NotSupportedException or InvalidOperationException or FormatException
            or OverflowException or ArgumentException or InvalidCastException
        && error is not ObjectDisposedException;

    private static JsonException At(string relativePath, string reason, Exception inner)
    {
        var error = new JsonException(reason, inner);
        error.Data[SuffixKey] = relativePath;
        return error;
    }

    private static string RelativePath(JsonException error) =>
        (error.Path ?? "$")[1..] + (error.Data[SuffixKey] as string ?? "");

    // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 9." to its own
    // messages; the path is reported separately, the position is worth keeping.
    private static string Reason(JsonException error)
    {
        var message = error.Message;
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (at < 0)
        {
            return message;
        }

        var position = message.IndexOf(" | ", at, StringComparison.Ordinal);
        return position < 0 ? message[..at] : $"{message[..at]} ({message[(position + 3)..].TrimEnd('.')})";
    }
}
