using System.Text.Json;
using CalcCds.Fhir.Model;

namespace CalcCds.Fhir.Serialization;

/// <summary>
/// A straight-line writer for the modelled resources: one generated method per record (FhirFastWriter.g.cs) that
/// writes its members in System.Text.Json's order with the same omissions and formatting, byte for byte.
/// </summary>
/// <remarks>
/// <para>Why: the records carry [JsonExtensionData] and custom converters, so System.Text.Json's source generator
/// emits no fast-path serializer for them and every write walks the metadata of ~50 mostly-null members per record
/// (about 3% of a hook call's CPU went to three small ServiceRequests). This writer does the same work directly.</para>
/// <para>What "the same" means, and what the generated code follows: <c>resourceType</c> first, then the base
/// records' members (their negative JsonPropertyOrder), then the record's own members in declaration order, then the
/// extension data (unknown members and <c>_primitive</c> siblings) in the dictionary's order; null members and empty
/// lists omitted (FhirJson's WhenWritingNull and OmitEmptyLists), nulls inside a list written as <c>null</c>; nested
/// resources through the same dispatch as the root. Everything goes through the caller's
/// <see cref="Utf8JsonWriter"/>, so its encoder and indentation apply as they do to System.Text.Json's output.
/// Tests compare both writers over our samples, the official R4 examples and the bench fixture.</para>
/// </remarks>
internal static partial class FhirFastWriter
{
    /// <summary>System.Text.Json's limit on nested values, which a write beyond it reports as a JsonException.</summary>
    private static readonly int MaxDepth = FhirJson.Options.MaxDepth;

    /// <summary>Writes a modelled resource; false (nothing written) for any other type, which the caller writes.</summary>
    public static bool TryWrite(Utf8JsonWriter writer, Resource resource) => TryWriteModelled(writer, resource);

    // Before every value, as System.Text.Json's converters check it: a record nested deeper than MaxDepth fails the
    // same way on both paths instead of being written by one and refused by the other.
    private static void CheckDepth(Utf8JsonWriter writer)
    {
        if (writer.CurrentDepth >= MaxDepth)
        {
            throw new JsonException($"The FHIR resource nests deeper than the maximum depth of {MaxDepth}.");
        }
    }

    private static void StartObject(Utf8JsonWriter writer)
    {
        CheckDepth(writer);
        writer.WriteStartObject();
    }

    // The extension data comes last, after every declared member, as System.Text.Json writes it; its keys and values
    // are written as they were read, through the caller's writer.
    private static void EndObject(Utf8JsonWriter writer, Dictionary<string, JsonElement>? additional)
    {
        if (additional is not null)
        {
            foreach (var (name, json) in additional)
            {
                writer.WritePropertyName(name);
                CheckDepth(writer);
                json.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteObject<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value);
        }
    }

    // FHIR forbids empty arrays, so an empty list is omitted like a null one (FhirJson.OmitEmptyLists).
    private static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (items is not { Count: > 0 })
        {
            return;
        }

        writer.WritePropertyName(name);
        CheckDepth(writer);
        writer.WriteStartArray();
        // Indexed, not foreach: enumerating through the interface would allocate an enumerator per list.
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                CheckDepth(writer);
                writer.WriteNullValue();
            }
            else
            {
                write(writer, item);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            WriteStringItem(writer, value);
        }
    }

    private static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, JsonEncodedText value)
    {
        writer.WritePropertyName(name);
        CheckDepth(writer);
        writer.WriteStringValue(value);
    }

    private static void WriteStringItem(Utf8JsonWriter writer, string value)
    {
        CheckDepth(writer);
        writer.WriteStringValue(value);
    }

    private static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WritePropertyName(name);
            CheckDepth(writer);
            writer.WriteBooleanValue(flag);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WritePropertyName(name);
            CheckDepth(writer);
            writer.WriteNumberValue(number);
        }
    }

    // A decimal keeps its scale (9.60 is written as 9.60), as System.Text.Json's decimal converter writes it.
    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WritePropertyName(name);
            CheckDepth(writer);
            writer.WriteNumberValue(number);
        }
    }

    private static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, FhirDateTime? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            WriteDateTimeItem(writer, value);
        }
    }

    // The original text, as FhirDateTimeJsonConverter writes it.
    private static void WriteDateTimeItem(Utf8JsonWriter writer, FhirDateTime value) => WriteStringItem(writer, value.Value);

    private static void WriteResource(Utf8JsonWriter writer, JsonEncodedText name, Resource? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            WriteResourceItem(writer, value);
        }
    }

    // A nested resource (contained, Bundle.entry.resource) takes the same way as a root one through
    // ResourceJsonConverter: its JSON as kept for an unmodelled type, the generated writer for a modelled one, and
    // System.Text.Json for a record type this library does not know.
    private static void WriteResourceItem(Utf8JsonWriter writer, Resource value)
    {
        CheckDepth(writer);
        if (value is OtherResource other)
        {
            other.Json.WriteTo(writer);
        }
        else if (!TryWriteModelled(writer, value))
        {
            JsonSerializer.Serialize(writer, value, FhirJson.Options.GetTypeInfo(value.GetType()));
        }
    }
}
