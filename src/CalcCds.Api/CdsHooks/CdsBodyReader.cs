using System.Buffers;
using System.Text.Json;
using CalcCds.Hooks.Protocol;
using CalcCds.Hooks.Services;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.CdsHooks;

/// <summary>Reads a CDS Hooks JSON body within the configured size and depth limits, or explains why it cannot.</summary>
public sealed class CdsBodyReader(IOptions<CdsHooksOptions> options)
{
    public async Task<JsonDocument> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limits = CheckHeaders(request);

        // JsonDocument.ParseAsync reads into pooled buffers that the document returns when it is disposed (CdsRequest
        // owns it): a ~100 KB prefetch body then costs no large-object-heap allocation per call.
        await using var body = new LimitedStream(request.Body, limits.MaxRequestBodyBytes);
        try
        {
            return await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth }, cancellationToken);
        }
        catch (JsonException e)
        {
            throw CdsRequestReader.InvalidJson(e, empty: body.BytesRead == 0);
        }
        catch (BadHttpRequestException e)
        {
            throw Unreadable(e, limits);
        }
    }

    /// <summary>
    /// Reads a call to <paramref name="service"/>: the whole body into a pooled buffer, then
    /// <see cref="CdsRequestReader.Read(ReadOnlySpan{byte}, CdsServiceDefinition, int)"/>, which reads the envelope and
    /// the prefetch in one pass over it.
    /// </summary>
    public async Task<CdsRequest> ReadRequestAsync(HttpRequest request, CdsServiceDefinition service, CancellationToken cancellationToken)
    {
        using var body = await ReadBytesAsync(request, cancellationToken);
        return CdsRequestReader.Read(body.Span, service, options.Value.MaxJsonDepth);
    }

    private async Task<PooledBody> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limits = CheckHeaders(request);
        var body = new PooledBody((int)Math.Min(request.ContentLength ?? 16 * 1024, limits.MaxRequestBodyBytes));
        try
        {
            await using var limited = new LimitedStream(request.Body, limits.MaxRequestBodyBytes);
            int read;
            do
            {
                read = await limited.ReadAsync(body.FreeSpace(), cancellationToken);
                body.Advance(read);
            }
            while (read > 0);

            return body;
        }
        catch (BadHttpRequestException e)
        {
            body.Dispose();
            throw Unreadable(e, limits);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private CdsHooksOptions CheckHeaders(HttpRequest request)
    {
        var limits = options.Value;
        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new CdsRequestException(415, new CdsIssue("not-supported", $"Content-Type must be application/json, not '{Shorten(contentType)}'."));
        }

        return request.ContentLength > limits.MaxRequestBodyBytes ? throw TooLarge(limits.MaxRequestBodyBytes) : limits;
    }

    // Kestrel's verdict on the body itself (shorter than its Content-Length, too slow, too large): the client's
    // mistake, so its status (400/408/413) and Kestrel's message, which names no content.
    private static CdsRequestException Unreadable(BadHttpRequestException e, CdsHooksOptions limits) => e.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => TooLarge(limits.MaxRequestBodyBytes),
        StatusCodes.Status408RequestTimeout => new CdsRequestException(408, new CdsIssue("timeout", $"The request body did not arrive in time: {e.Message}")),
        _ => CdsRequestException.BadRequest($"The request body could not be read: {e.Message}", code: "structure"),
    };

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

/// <summary>A request body in a buffer rented from the shared pool, returned on <see cref="Dispose"/>.</summary>
internal sealed class PooledBody : IDisposable
{
    private byte[] buffer;

    public PooledBody(int expectedLength)
    {
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(expectedLength, 256) + 1);
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, Length);

    public Memory<byte> FreeSpace()
    {
        if (Length == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        return buffer.AsMemory(Length);
    }

    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = [];
        Length = 0;
    }
}
