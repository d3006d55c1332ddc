using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CalcCds.Hooks.Protocol;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 8, SHA-256 of the parts): the same hookInstance and rule always give the same
/// card uuid, so feedback posted later can be joined to the evaluation that produced the card.
/// </summary>
public static class StableUuid
{
    /// <summary>Separates the parts in the hashed text (U+001F, one UTF-8 byte), so ("ab", "c") and ("a", "bc") differ.</summary>
    private const char Separator = '\u001f';

    public static string Create(params ReadOnlySpan<string> parts)
    {
        // The hash input is the UTF-8 of the parts joined by the separator, written part by part into a pooled buffer:
        // every card and suggestion gets a uuid on every call, so no joined string or byte array is made for it, and
        // the parts come as a span, so no array of them either.
        var chars = parts.Length;
        foreach (var part in parts)
        {
            chars += part?.Length ?? 0;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chars));
        try
        {
            var written = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    buffer[written++] = (byte)Separator;
                }

                written += Encoding.UTF8.GetBytes(parts[i] ?? string.Empty, buffer.AsSpan(written));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            var bytes = hash[..16];
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
            return new Guid(bytes, bigEndian: true).ToString();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
