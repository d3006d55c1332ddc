using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CalcCds.Api.CdsHooks;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Api.Tests;

/// <summary>The response writer's string converter writes exactly what the writer itself writes, for any encoder.</summary>
public sealed class EscapedStringConverterTests
{
    public static TheoryData<string> Encoders => ["relaxed", "default", "latin", "none"];

    [Theory]
    [MemberData(nameof(Encoders))]
    public void Every_ASCII_character_alone_and_inside_text_is_written_as_the_writer_writes_it(string encoder)
    {
        var samples = new List<string>();
        for (var c = (char)0; c < 128; c++)
        {
            samples.Add(c.ToString());
            samples.Add($"line one{c}line two\n- item {c} \"quoted\" \\ end");
        }

        AssertWrittenAlike(encoder, samples);
    }

    [Theory]
    [MemberData(nameof(Encoders))]
    public void Non_ASCII_text_and_broken_surrogates_are_written_as_the_writer_writes_them(string encoder)
    {
        AssertWrittenAlike(encoder,
        [
            "size 6.2 cm (≥ 5.0 cm)\n- **RF_DEEP** — deep to the fascia",
            "about 4–5 per 100,000 per year\n",
            "café\tnaïve\r\nKöln",
            "emoji 😀 in a line\nand after",
            "separators \u2028 and \u2029\n",
            "replacement \uFFFD and bom \uFEFF\n",
            "lone high \uD800 surrogate\n",
            "lone low \uDC00 surrogate\n",
            "pair split at the end \uD83D",
            "controls \u0000\u0001\u001F\u007F\n",
            "html <b>&amp;</b> 'quotes' + `ticks`\n",
            string.Empty,
            "plain text with nothing to escape",
        ]);
    }

    [Theory]
    [MemberData(nameof(Encoders))]
    public void Random_text_is_written_as_the_writer_writes_it(string encoder)
    {
        const string Alphabet = "abcXYZ 019.,;:-_*#()[]{}\n\r\t\"\\/<>&'+`é—≥–😀\u2028\u0001\u007F\uD800";
        var random = new Random(7);
        var samples = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 120); n > 0; n--)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            samples.Add(text.ToString());
        }

        AssertWrittenAlike(encoder, samples);
    }

    [Fact]
    public void A_card_detail_is_written_through_the_converter()
    {
        var detail = CdsJsonContext.Default.Card.Properties.Single(p => p.Name == "detail");
        Assert.IsType<EscapedStringConverter>(detail.CustomConverter);
    }

    private static void AssertWrittenAlike(string encoderName, IEnumerable<string> samples)
    {
        var encoder = encoderName switch
        {
            "relaxed" => JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            "default" => JavaScriptEncoder.Default,
            "latin" => JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement),
            _ => null,
        };
        var converted = new JsonSerializerOptions { Converters = { new EscapedStringConverter() } };
        foreach (var sample in samples)
        {
            Assert.Equal(Write(sample, encoder, JsonSerializerOptions.Default), Write(sample, encoder, converted));
        }
    }

    private static string Write(string value, JavaScriptEncoder? encoder, JsonSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            JsonSerializer.Serialize(writer, new[] { value, value }, options);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
