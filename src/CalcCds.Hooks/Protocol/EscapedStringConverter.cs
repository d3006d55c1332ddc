using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CalcCds.Hooks.Protocol;

/// <summary>
/// Writes a string value exactly as the writer's own encoder would, faster for text with line breaks.
/// </summary>
/// <remarks>
/// <para>Why: a card's detail is markdown, a line break every sentence or two. Once a string holds one character to
/// escape, the writer escapes the rest of it a character at a time through the encoder; that was ~60% of writing a
/// response (perf, bench/ stage loop). Here runs of characters that need no escaping are found with a vectorized
/// search and copied in one transcoding, and only the characters between them are looked at one by one.</para>
/// <para>The output is the writer's, byte for byte: the escape of each ASCII character is taken from the writer
/// itself (one character written through a writer with the same encoder), and a non-ASCII character is copied only
/// when the encoder says it will not encode it (<see cref="TextEncoder.WillEncode"/>). Anything else (an encoder
/// that escapes a non-ASCII character of the text, an unpaired surrogate, no encoder at all) is left to the writer.
/// Tests compare both over every character class and random text.</para>
/// </remarks>
public sealed class EscapedStringConverter : JsonConverter<string>
{
    private static EscapePlan? lastPlan;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (writer.Options.Encoder is not { } encoder || !TryWrite(writer, value, PlanFor(encoder)))
        {
            writer.WriteStringValue(value);
        }
    }

    // One encoder in practice (the response writer's); a plan is immutable, so a race only builds one twice.
    private static EscapePlan PlanFor(JavaScriptEncoder encoder)
    {
        var plan = lastPlan;
        if (plan is null || !ReferenceEquals(plan.Encoder, encoder))
        {
            plan = new EscapePlan(encoder);
            lastPlan = plan;
        }

        return plan;
    }

    private static bool TryWrite(Utf8JsonWriter writer, string value, EscapePlan plan)
    {
        var text = value.AsSpan();
        var next = text.IndexOfAnyExcept(plan.Plain);
        if (next < 0)
        {
            return false; // nothing to escape: the writer's own vectorized path is as fast
        }

        // Worst case: every character a six-byte \uXXXX escape (a non-ASCII character takes at most 3 UTF-8 bytes per
        // UTF-16 unit), plus the quotes.
        var rented = ArrayPool<byte>.Shared.Rent((text.Length * 6) + 2);
        try
        {
            var output = rented.AsSpan();
            output[0] = (byte)'"';
            var written = 1;
            while (true)
            {
                written += Encoding.UTF8.GetBytes(text[..next], output[written..]);
                text = text[next..];
                if (text.IsEmpty)
                {
                    break;
                }

                var c = text[0];
                if (c < 128)
                {
                    var escape = plan.Escapes[c]!;
                    escape.CopyTo(output[written..]);
                    written += escape.Length;
                    text = text[1..];
                }
                else if (Rune.DecodeFromUtf16(text, out var rune, out var units) != OperationStatus.Done || plan.Encoder.WillEncode(rune.Value))
                {
                    return false;
                }
                else
                {
                    written += rune.EncodeToUtf8(output[written..]);
                    text = text[units..];
                }

                next = text.IndexOfAnyExcept(plan.Plain);
                if (next < 0)
                {
                    next = text.Length;
                }
            }

            output[written++] = (byte)'"';
            writer.WriteRawValue(output[..written], skipInputValidation: true);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>What one encoder does to each ASCII character, read off a writer that uses it.</summary>
    private sealed class EscapePlan
    {
        public EscapePlan(JavaScriptEncoder encoder)
        {
            Encoder = encoder;
            var plain = new List<char>();
            var buffer = new ArrayBufferWriter<byte>(16);
            for (var c = (char)0; c < 128; c++)
            {
                buffer.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
                {
                    writer.WriteStringValue(c.ToString());
                }

                var quoted = buffer.WrittenSpan;
                if (quoted.Length == 3 && quoted[1] == c)
                {
                    plain.Add(c);
                }
                else
                {
                    Escapes[c] = quoted[1..^1].ToArray();
                }
            }

            Plain = SearchValues.Create(plain.ToArray());
        }

        public JavaScriptEncoder Encoder { get; }

        /// <summary>ASCII characters written as they are.</summary>
        public SearchValues<char> Plain { get; }

        /// <summary>The escape of each other ASCII character, as UTF-8.</summary>
        public byte[]?[] Escapes { get; } = new byte[128][];
    }
}
