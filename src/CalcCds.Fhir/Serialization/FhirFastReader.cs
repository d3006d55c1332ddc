using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CalcCds.Fhir.Model;

namespace CalcCds.Fhir.Serialization;

/// <summary>
/// A straight-line reader for well-formed FHIR JSON of the modelled resources: one generated method per record
/// (FhirFastReader.g.cs) that matches member names on the UTF-8 bytes and builds the record in one object
/// initializer.
/// </summary>
/// <remarks>
/// <para>Why: the records have init-only members, which System.Text.Json's source generator can only fill through its
/// parameterized-constructor path; on a CDS call's ~100 KB prefetch that path cost several times a plain JSON parse
/// (bench/results/micro.md). This reader produces the same records about four times faster.</para>
/// <para>It is deliberately narrow: it succeeds only on input it reads exactly as System.Text.Json would, and gives up
/// on anything else (invalid JSON, a wrong JSON type, an escaped member name, a null inside an array, an invalid
/// date, a duplicate extra member, an unknown resourceType). <see cref="FhirJson"/> then parses the same bytes with
/// System.Text.Json, so every error message and edge case stays that serializer's. Tests compare both readers over the
/// official R4 examples, Synthea bundles and our samples.</para>
/// </remarks>
internal static partial class FhirFastReader
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = FhirJson.Options.MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private delegate T? ItemReader<T>(ref Utf8JsonReader reader)
        where T : class;

    /// <summary>The resource in <paramref name="utf8"/>, or false when the caller must use System.Text.Json.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out Resource? resource)
    {
        resource = null;
        var state = EnterRead();
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            if (!reader.Read())
            {
                return false;
            }

            resource = ReadResource(ref reader);
            // One JSON value and nothing after it, as JsonSerializer demands.
            return resource is not null && !reader.Read();
        }
        catch (Exception e) when (GivesUp(e))
        {
            resource = null;
            return false;
        }
        finally
        {
            ExitRead(state);
        }
    }

    /// <summary>
    /// The resource (or JSON null) at <paramref name="reader"/>'s current token, read in place: a request body's
    /// prefetch values are read in the same pass as the body. On success the reader is left on the value's last
    /// token; on false it is where it was and the caller must use System.Text.Json.
    /// </summary>
    public static bool TryReadValue(ref Utf8JsonReader reader, out Resource? resource)
    {
        var probe = reader;
        var state = EnterRead();
        try
        {
            resource = ReadResource(ref probe);
        }
        catch (Exception e) when (GivesUp(e))
        {
            resource = null;
            return false;
        }
        finally
        {
            ExitRead(state);
        }

        reader = probe;
        return true;
    }

    // What ends a fast read and hands the bytes to System.Text.Json: our own verdict, or the reader's and the
    // converters' exceptions on input they do not accept.
    private static bool GivesUp(Exception e) =>
        e is GiveUp or JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException;

    private static Resource? ReadResource(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectStartObject(ref reader);
        var type = PeekResourceType(reader);
        var modelled = ReadModelled(ref reader, type);
        if (modelled is not null)
        {
            return modelled;
        }

        // Not modelled: an R4 type keeps its JSON (OtherResource); anything else is System.Text.Json's error to report.
        return ResourceTypeNames.IsR4(Encoding.UTF8.GetString(type))
            ? OtherResource.FromJson(JsonElement.ParseValue(ref reader))
            : throw new GiveUp();
    }

    // The resourceType's raw bytes, from a copy of the reader; it is usually the first member.
    private static ReadOnlySpan<byte> PeekResourceType(Utf8JsonReader probe) =>
        ResourceJsonConverter.TryMoveToResourceType(ref probe) && probe.TokenType == JsonTokenType.String && !probe.ValueIsEscaped
            ? probe.ValueSpan
            : throw new GiveUp();

    private static void SkipResourceType(ref Utf8JsonReader reader)
    {
        // System.Text.Json ignores the read-only ResourceType member; the dispatcher has already checked the value.
        reader.Skip();
    }

    private static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new GiveUp();
        }
    }

    // Moves to the next member: true with the reader on its value, false at the end of the object.
    private static bool NextProperty(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            name = default;
            return false;
        }

        if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            throw new GiveUp();
        }

        name = reader.ValueSpan;
        if (!reader.Read())
        {
            throw new GiveUp();
        }

        return true;
    }

    // A member no record declares (including the _element siblings of primitives): kept as JSON, as
    // [JsonExtensionData] keeps it.
    private static void ReadAdditional(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, ref Dictionary<string, JsonElement>? additional)
    {
        additional ??= new Dictionary<string, JsonElement>();
        if (!additional.TryAdd(Encoding.UTF8.GetString(name), JsonElement.ParseValue(ref reader)))
        {
            throw new GiveUp();
        }
    }

    // An array of the list's exact size (the records type lists as IReadOnlyList<T>): most FHIR lists hold one item,
    // which is read straight into a one-item array; longer ones gather on the read's scratch stack and are copied
    // out once, instead of a List<T> object over an array grown by doubling.
    private static T[]? ReadList<T>(ref Utf8JsonReader reader, ItemReader<T> item)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new GiveUp();
        }

        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return [];
        }

        var first = item(ref reader) ?? throw new GiveUp();
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return [first];
        }

        var state = State;
        var start = state.ScratchTop;
        state.Push(first);
        do
        {
            state.Push(item(ref reader) ?? throw new GiveUp());
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);

        var items = new T[state.ScratchTop - start];
        Array.Copy(state.Scratch, start, items, 0, items.Length);
        Array.Clear(state.Scratch, start, items.Length);
        state.ScratchTop = start;
        return items;
    }

    // Other strings (references such as "Patient/x" on every resource, code.text, search modes) repeat within a body
    // but are patient data, so they are shared only within one read (ReadState.Repeats, emptied when the read ends).
    private static string? ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return ReadStringAsIs(ref reader);
        }

        var utf8 = reader.ValueSpan;
        ref var slot = ref State.RepeatSlot(utf8);
        // Ascii.Equals is false unless both sides are ASCII, so a value is only ever shared with the same bytes.
        if (slot is string known && System.Text.Ascii.Equals(utf8, known))
        {
            return known;
        }

        var value = reader.GetString()!;
        slot = value;
        return value;
    }

    private static string? ReadStringAsIs(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new GiveUp(),
    };

    // Code systems, codes, units and coded displays repeat across every resource of a chart (a lab history repeats
    // "http://loinc.org" and "mg/dL" hundreds of times), so one instance per distinct value is kept in a small
    // lock-free table: a slot holds the last string that hashed to it, and a reader that finds its bytes there takes
    // that instance instead of allocating. Only members the generator marks as vocabulary come here, never names,
    // identifiers or free text, so the table holds no patient data.
    private static readonly string?[] Vocabulary = new string?[4096];

    private static string? ReadVocabulary(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 96)
        {
            return ReadStringAsIs(ref reader);
        }

        var utf8 = reader.ValueSpan;
        var slot = (int)(VocabularyHash(utf8) & (uint)(Vocabulary.Length - 1));
        var known = Vocabulary[slot];
        if (known is not null && System.Text.Ascii.Equals(utf8, known))
        {
            return known;
        }

        var value = reader.GetString()!;
        if (System.Text.Ascii.IsValid(utf8))
        {
            Vocabulary[slot] = value;
        }

        return value;
    }

    // The slot only picks a candidate (the bytes are compared in full), so the hash need not see every byte: the length
    // and three 8-byte words (head, middle, tail) separate code system URLs that share long prefixes and short codes
    // alike, in a few instructions instead of a multiply per byte.
    private static uint VocabularyHash(ReadOnlySpan<byte> utf8)
    {
        const ulong Mix = 0x9E3779B97F4A7C15;
        var hash = (ulong)utf8.Length * Mix;
        if (utf8.Length >= sizeof(ulong))
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * Mix;
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8[(utf8.Length / 2 - 4)..])) * Mix;
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..])) * Mix;
        }
        else
        {
            foreach (var b in utf8)
            {
                hash = (hash ^ b) * Mix;
            }
        }

        return (uint)(hash >> 32);
    }

    // A chart repeats whole small records: every lab carries the same category, each analyte's results the same code
    // and reference range, most results the same interpretation, every entry the same search mode. Within one read, a
    // record made only of members that are themselves shared (vocabulary strings, text shared by ReadString, values,
    // records shared here) is taken from the read's repeat table when an equal one was read before: fewer objects per
    // call and fewer cache lines for the rules to walk. Matching is by the members' identity, so a member that was not
    // itself shared only costs the new record it would have cost anyway. Scoped to the read like the repeated strings,
    // so nothing is shared between bodies.
    private static Coding ShareCoding(string? system, string? code, string? display)
    {
        ref var slot = ref State.RepeatSlot(IdentityHash(system, code, display));
        return slot is Coding known && (object?)known.System == system && (object?)known.Code == code && (object?)known.Display == display
            ? known
            : Keep(ref slot, new Coding { System = system, Code = code, Display = display });
    }

    private static CodeableConcept ShareConcept(Coding[]? codings, string? text)
    {
        // One coding (the usual concept); ShareCoding's instances are only ever plain codings, so the identity of the
        // coding stands for its content.
        if (codings is not [var coding])
        {
            return new CodeableConcept { Coding = codings, Text = text };
        }

        ref var slot = ref State.RepeatSlot(IdentityHash(coding, text, null));
        return slot is CodeableConcept { Coding: [var knownCoding] } known && (object)knownCoding == coding && (object?)known.Text == text
            ? known
            : Keep(ref slot, new CodeableConcept { Coding = codings, Text = text });
    }

    private static BundleSearch ShareSearch(string? mode)
    {
        ref var slot = ref State.RepeatSlot((uint)RuntimeHelpers.GetHashCode(mode));
        return slot is BundleSearch known && (object?)known.Mode == mode
            ? known
            : Keep(ref slot, new BundleSearch { Mode = mode });
    }

    private static Quantity ShareQuantity(decimal? value, string? comparator, string? unit, string? system, string? code)
    {
        var hash = (uint)HashCode.Combine(BitsHash(value), IdentityHash(comparator, unit, system), RuntimeHelpers.GetHashCode(code));
        ref var slot = ref State.RepeatSlot(hash);
        return slot is Quantity known && SameDecimal(known.Value, value) && (object?)known.Comparator == comparator
            && (object?)known.Unit == unit && (object?)known.System == system && (object?)known.Code == code
            ? known
            : Keep(ref slot, new Quantity { Value = value, Comparator = comparator, Unit = unit, System = system, Code = code });
    }

    private static ObservationReferenceRange ShareRange(Quantity? low, Quantity? high, string? text)
    {
        ref var slot = ref State.RepeatSlot(IdentityHash(low, high, text));
        return slot is ObservationReferenceRange known && (object?)known.Low == low && (object?)known.High == high && (object?)known.Text == text
            ? known
            : Keep(ref slot, new ObservationReferenceRange { Low = low, High = high, Text = text });
    }

    // A record read for the first time in this body: the one an equal record read later will be given.
    private static T Keep<T>(ref object? slot, T record)
        where T : class
    {
        slot = record;
        return record;
    }

    // Hashed by its bits, which is what SameDecimal compares (a decimal's own hash strips trailing zeros so that 9.6
    // and 9.60 hash alike, work the sharing does not need).
    private static int BitsHash(decimal? value)
    {
        if (value is not { } d)
        {
            return 0;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(d, bits);
        return HashCode.Combine(bits[0], bits[1], bits[2], bits[3]);
    }

    // Equal as written: 9.6 and 9.60 are equal decimals but not the same text, so the scale (and sign) must agree too.
    private static bool SameDecimal(decimal? a, decimal? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return a is null && b is null;
        }

        Span<int> left = stackalloc int[4];
        Span<int> right = stackalloc int[4];
        decimal.GetBits(x, left);
        decimal.GetBits(y, right);
        return left.SequenceEqual(right);
    }

    private static uint IdentityHash(object? a, object? b, object? c) =>
        (uint)HashCode.Combine(RuntimeHelpers.GetHashCode(a), RuntimeHelpers.GetHashCode(b), RuntimeHelpers.GetHashCode(c));

    // A lab panel's results share their effective and issued times: a date text seen earlier in the read gives the
    // same (immutable) FhirDateTime instead of a new string, a new parse and a new record.
    private static FhirDateTime? ReadDateTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return ParseDateTime(ReadStringAsIs(ref reader));
        }

        var utf8 = reader.ValueSpan;
        ref var slot = ref State.RepeatSlot(utf8);
        if (slot is FhirDateTime known && System.Text.Ascii.Equals(utf8, known.Value))
        {
            return known;
        }

        var value = ParseDateTime(reader.GetString())!;
        slot = value;
        return value;
    }

    private static FhirDateTime? ParseDateTime(string? text) =>
        text is null ? null : FhirDateTime.TryParse(text, out var value) ? value : throw new GiveUp();

    private static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new GiveUp(),
    };

    private static int? ReadInt32(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
        _ => throw new GiveUp(),
    };

    private static decimal? ReadDecimal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetDecimal(out var value) => value,
        _ => throw new GiveUp(),
    };

    /// <summary>Thrown to abandon the fast path; never leaves this class.</summary>
    [SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Internal control flow, caught in TryRead.")]
    [SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Never constructed elsewhere.")]
    private sealed class GiveUp : Exception;
}
