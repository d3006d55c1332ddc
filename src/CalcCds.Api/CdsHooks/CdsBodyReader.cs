using System.Buffers;
using System.Text.Json;
using CalcCds.Hooks.Protocol;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.CdsHooks;

/// <summary>Reads a CDS Hooks JSON body within the configured size and depth limits, or explains why it cannot.</summary>
public sealed class CdsBodyReader(IOptions<CdsHooksOptions> options)
{
    public async Task<JsonDocument> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limits = options.Value;
        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new CdsRequestException(415, new CdsIssue("not-supported", $"Content-Type must be application/json, not '{Shorten(contentType)}'."));
        }

        if (request.ContentLength > limits.MaxRequestBodyBytes)
        {
            throw TooLarge(limits.MaxRequestBodyBytes);
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, limits.MaxRequestBodyBytes) + 1);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limits.MaxRequestBodyBytes)
            {
                throw TooLarge(limits.MaxRequestBodyBytes);
            }
        }

        if (buffer.WrittenCount == 0)
        {
            throw CdsRequestException.BadRequest("The request body is empty; a CDS Hooks request is a JSON object.", code: "structure");
        }

        try
        {
            return JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            // JsonException's message names the line and byte position, never content.
            throw CdsRequestException.BadRequest($"The request body is not valid JSON: {e.Message}", code: "structure");
        }
    }

    private static CdsRequestException TooLarge(long limit) =>
        CdsRequestException.BadRequest($"The request body exceeds the limit of {limit} bytes.", code: "too-costly");

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64];
}
