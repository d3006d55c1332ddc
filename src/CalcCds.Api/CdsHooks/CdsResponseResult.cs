using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Api.CdsHooks;

/// <summary>
/// A 200 answer with the cards, written by the source-generated serializer of <see cref="CdsJsonContext"/> (going
/// through the host's JSON options would take System.Text.Json's slower metadata path at every call) into a buffer
/// reused by the thread, then handed to the response in one piece with its Content-Length: no chunked framing per
/// segment of the ~15 KB of a busy chart's cards, one write to the socket.
/// </summary>
public sealed class CdsResponseResult(CdsResponse response) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<CdsResponse>
{
    /// <summary>As ASP.NET Core's own JSON answers: non-ASCII card text as UTF-8, quotes and control characters
    /// escaped. Public so the benchmarks write with the same options.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int? StatusCode => StatusCodes.Status200OK;

    public CdsResponse Value => response;

    object? IValueHttpResult.Value => response;

    // Serialization is synchronous and the bytes are copied into the response pipe before the first await, so one
    // buffer per thread serves every call on it. A buffer grown past MaxKeptBytes by an unusual answer is let go.
    private const int MaxKeptBytes = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? threadBuffer;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var http = httpContext.Response;
        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = "application/json; charset=utf-8";

        var buffer = threadBuffer ??= new ArrayBufferWriter<byte>(32 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, response, CdsJsonContext.Default.CdsResponse);
        }

        http.ContentLength = buffer.WrittenCount;
        var body = http.BodyWriter;
        buffer.WrittenSpan.CopyTo(body.GetSpan(buffer.WrittenCount));
        body.Advance(buffer.WrittenCount);
        if (buffer.Capacity > MaxKeptBytes)
        {
            threadBuffer = null;
        }

        await body.FlushAsync(httpContext.RequestAborted);
    }
}
