using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Hooks.Evaluation;

/// <summary>
/// "The same card on unchanged inputs", for repeat suppression (Product decision 9): SHA-256 over rule, lesion,
/// indicator, summary and detail. A card's detail names every fact that fired it with its reference, value and date
/// (Product decision 10), so a new lab value, a changed size or a new report changes the fingerprint; no rule writes
/// text that changes with the clock alone (no "N days ago"), which docs/operations.md records as a rule for new rules.
/// </summary>
public static class CardFingerprint
{
    public static string Compute(string ruleId, string lesionKey, CardIndicator indicator, string summary, string? detail)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(lesionKey);
        ArgumentNullException.ThrowIfNull(summary);
        detail ??= string.Empty;
        var indicatorName = indicator.ToString();

        // The hashed text is "length:field\n" per field, each field length-prefixed so that moving text between fields
        // can never produce the same bytes. Every card is fingerprinted and details run to several KB, so the UTF-8 is
        // written straight into one pooled buffer instead of a builder, a string and a byte array per card.
        var maxBytes = PrefixBytes * 5 + Encoding.UTF8.GetMaxByteCount(ruleId.Length + lesionKey.Length + indicatorName.Length + summary.Length + detail.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var written = 0;
            written += WriteField(ruleId, buffer.AsSpan(written));
            written += WriteField(lesionKey, buffer.AsSpan(written));
            written += WriteField(indicatorName, buffer.AsSpan(written));
            written += WriteField(summary, buffer.AsSpan(written));
            written += WriteField(detail, buffer.AsSpan(written));
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Room for the decimal length, the colon and the newline of one field.</summary>
    private const int PrefixBytes = 12;

    private static int WriteField(string field, Span<byte> destination)
    {
        field.Length.TryFormat(destination, out var written, provider: CultureInfo.InvariantCulture);
        destination[written++] = (byte)':';
        written += Encoding.UTF8.GetBytes(field, destination[written..]);
        destination[written++] = (byte)'\n';
        return written;
    }
}
