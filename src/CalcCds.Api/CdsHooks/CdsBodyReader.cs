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

        // JsonDocument.ParseAsync reads into pooled buffers that the document returns when it is disposed (CdsRequest
        // owns it): a ~100 KB prefetch body then costs no large-object-heap allocation per call.
        await using var body = new LimitedStream(request.Body, limits.MaxRequestBodyBytes);
        try
        {
            return await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth }, cancellationToken);
        }
        catch (JsonException) when (body.BytesRead == 0)
        {
            throw CdsRequestException.BadRequest("The request body is empty; a CDS Hooks request is a JSON object.", code: "structure");
        }
        catch (JsonException e)
        {
            // JsonException's message names the line and byte position, never content.
            throw CdsRequestException.BadRequest($"The request body is not valid JSON: {e.Message}", code: "structure");
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's verdict on the body itself (shorter than its Content-Length, too slow, too large): the
            // client's mistake, so its status (400/408/413) and Kestrel's message, which names no content.
            throw e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => TooLarge(limits.MaxRequestBodyBytes),
                StatusCodes.Status408RequestTimeout => new CdsRequestException(408, new CdsIssue("timeout", $"The request body did not arrive in time: {e.Message}")),
                _ => CdsRequestException.BadRequest($"The request body could not be read: {e.Message}", code: "structure"),
            };
        }
    }

    private static CdsRequestException TooLarge(long limit) =>
        CdsRequestException.BadRequest($"The request body exceeds the limit of {limit} bytes.", code: "too-costly");

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64];

    /// <summary>Passes reads through and fails once more than <c>limit</c> bytes have come.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            return Count(read);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            BytesRead += read;
            return BytesRead > limit ? throw TooLarge(limit) : read;
        }
    }
}
