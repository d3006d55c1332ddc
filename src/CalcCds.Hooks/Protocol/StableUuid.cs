using System.Security.Cryptography;
using System.Text;

namespace CalcCds.Hooks.Protocol;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 8, SHA-256 of the parts): the same hookInstance and rule always give the same
/// card uuid, so feedback posted later can be joined to the evaluation that produced the card.
/// </summary>
public static class StableUuid
{
    public static string Create(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = string.Join('\u001f', parts);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
