using System.Text.Encodings.Web;
using System.Text.Json;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Api.CdsHooks;

/// <summary>
/// A 200 answer with the cards, written straight into the response pipe by the source-generated serializer of
/// <see cref="CdsJsonContext"/>. Going through the host's JSON options would take System.Text.Json's slower
/// metadata path (the host's options are not the context's own), at every call.
/// </summary>
public sealed class CdsResponseResult(CdsResponse response) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<CdsResponse>
{
    // As ASP.NET Core's own JSON answers: non-ASCII card text as UTF-8, quotes and control characters escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int? StatusCode => StatusCodes.Status200OK;

    public CdsResponse Value => response;

    object? IValueHttpResult.Value => response;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var http = httpContext.Response;
        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = "application/json; charset=utf-8";
        using (var writer = new Utf8JsonWriter(http.BodyWriter, WriterOptions))
        {
            JsonSerializer.Serialize(writer, response, CdsJsonContext.Default.CdsResponse);
        }

        await http.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
