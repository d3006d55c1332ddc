using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CalcCds.Fhir.Model;

namespace CalcCds.Fhir.Serialization;

/// <summary>
/// FHIR R4 JSON in and out. Parsing validates the resourceType, the JSON type of every modelled
/// element and every date; invalid input throws <see cref="FhirParseException"/> naming the JSON path,
/// never another exception type. Output omits nulls and empty lists, as FHIR requires.
/// </summary>
public static class FhirJson
{
    /// <summary>Options bound to this library's source-generated metadata (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonTypeInfo<Resource> ResourceInfo { get; } = (JsonTypeInfo<Resource>)Options.GetTypeInfo(typeof(Resource));

    public static T Parse<T>(string json)
        where T : Resource
    {
        if (json is null)
        {
            throw new FhirParseException("$", "no JSON text");
        }

        try
        {
            return Expect<T>(JsonSerializer.Deserialize(json, ResourceInfo));
        }
        catch (Exception e) when (JsonErrors.IsParseFailure(e))
        {
            throw JsonErrors.ToParseException(e);
        }
    }

    public static T Parse<T>(ReadOnlySpan<byte> utf8)
        where T : Resource
    {
        if (FhirFastReader.TryRead(utf8, out var fast))
        {
            return Expect<T>(fast);
        }

        try
        {
            return Expect<T>(JsonSerializer.Deserialize(utf8, ResourceInfo));
        }
        catch (Exception e) when (JsonErrors.IsParseFailure(e))
        {
            throw JsonErrors.ToParseException(e);
        }
    }

    public static T Parse<T>(JsonElement json)
        where T : Resource
    {
        // The element's own bytes, as they came: no re-serialization on the way to the fast reader.
        if (json.ValueKind == JsonValueKind.Object && FhirFastReader.TryRead(JsonMarshal.GetRawUtf8Value(json), out var fast))
        {
            return Expect<T>(fast);
        }

        try
        {
            return Expect<T>(json.Deserialize(ResourceInfo));
        }
        catch (Exception e) when (JsonErrors.IsParseFailure(e))
        {
            throw JsonErrors.ToParseException(e);
        }
    }

    /// <summary>
    /// Reads the FHIR resource, or JSON <c>null</c>, whose value starts at <paramref name="reader"/>'s current token,
    /// inside a larger JSON document <paramref name="utf8"/> that the reader walks (a CDS Hooks body's prefetch
    /// value), and leaves the reader on the value's last token. The value is tokenized once on the fast path; when the
    /// fast reader gives up, the value's bytes go to System.Text.Json and its errors, as in <see cref="Parse{T}(ReadOnlySpan{byte})"/>.
    /// </summary>
    /// <exception cref="FhirParseException">The value is valid JSON but not a valid FHIR R4 <typeparamref name="T"/>.</exception>
    /// <exception cref="JsonException">The value is not valid JSON (or nests deeper than the reader allows); the
    /// reader's position is then undefined.</exception>
    public static T? ReadValue<T>(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader)
        where T : Resource
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var start = checked((int)reader.TokenStartIndex);
        if (reader.TokenType == JsonTokenType.StartObject && FhirFastReader.TryReadValue(ref reader, out var fast) && fast is not null)
        {
            return Expect<T>(fast);
        }

        reader.Skip();
        return Parse<T>(utf8[start..checked((int)reader.BytesConsumed)]);
    }

    /// <summary>
    /// Parses a stream (e.g. an HTTP body) of at most <see cref="MaxStreamBytes"/>. The bytes are gathered in pooled
    /// buffers first, so the fast reader can take them in one span. Cancellation surfaces as
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static Task<T> ParseAsync<T>(Stream utf8Json, CancellationToken cancellationToken = default)
        where T : Resource => ParseAsync<T>(utf8Json, MaxStreamBytes, cancellationToken);

    internal static async Task<T> ParseAsync<T>(Stream utf8Json, int maxBytes, CancellationToken cancellationToken)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(16 * 1024, maxBytes));
        try
        {
            var length = 0;
            int read;
            while ((read = await utf8Json.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    if (length >= maxBytes)
                    {
                        throw new FhirParseException("$", $"the FHIR JSON is larger than {maxBytes} bytes");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(length * 2, maxBytes));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return Parse<T>(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The largest stream <see cref="ParseAsync{T}(Stream, CancellationToken)"/> reads: far beyond any one search page or resource.</summary>
    public const int MaxStreamBytes = 256 * 1024 * 1024;

    public static bool TryParse<T>(string json, [NotNullWhen(true)] out T? resource, [NotNullWhen(false)] out FhirParseError? error)
        where T : Resource
    {
        try
        {
            (resource, error) = (Parse<T>(json), null);
            return true;
        }
        catch (FhirParseException e)
        {
            (resource, error) = (null, e.ToError());
            return false;
        }
    }

    public static bool TryParse<T>(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out T? resource, [NotNullWhen(false)] out FhirParseError? error)
        where T : Resource
    {
        try
        {
            (resource, error) = (Parse<T>(utf8), null);
            return true;
        }
        catch (FhirParseException e)
        {
            (resource, error) = (null, e.ToError());
            return false;
        }
    }

    public static bool TryParse<T>(JsonElement json, [NotNullWhen(true)] out T? resource, [NotNullWhen(false)] out FhirParseError? error)
        where T : Resource
    {
        try
        {
            (resource, error) = (Parse<T>(json), null);
            return true;
        }
        catch (FhirParseException e)
        {
            (resource, error) = (null, e.ToError());
            return false;
        }
    }

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, ResourceInfo);

    public static byte[] SerializeToUtf8Bytes(Resource resource) => JsonSerializer.SerializeToUtf8Bytes(resource, ResourceInfo);

    public static void Write(Utf8JsonWriter writer, Resource resource) => JsonSerializer.Serialize(writer, resource, ResourceInfo);

    public static JsonElement ToJsonElement(Resource resource) => JsonSerializer.SerializeToElement(resource, ResourceInfo);

    /// <summary>Parses a primitive's <c>_element</c> sibling; <paramref name="path"/> is its name, for errors.</summary>
    internal static PrimitiveElement ParseElement(JsonElement json, string path)
    {
        try
        {
            return json.Deserialize((JsonTypeInfo<PrimitiveElement>)Options.GetTypeInfo(typeof(PrimitiveElement)))
                ?? throw new FhirParseException("$." + path, "expected a JSON object");
        }
        catch (Exception e) when (JsonErrors.IsParseFailure(e))
        {
            throw JsonErrors.ToParseException(e, "$." + path);
        }
    }

    private static T Expect<T>(Resource? resource)
        where T : Resource => resource switch
        {
            null => throw new FhirParseException("$", "expected a FHIR resource, found null"),
            T typed => typed,
            _ => throw new FhirParseException("$.resourceType", $"expected {typeof(T).Name}, found '{resource.ResourceType}'"),
        };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(FhirJsonContext.Default.Options)
        {
            TypeInfoResolver = FhirJsonContext.Default.WithAddedModifier(OmitEmptyLists),
        };
        options.MakeReadOnly();
        return options;
    }

    // FHIR forbids empty arrays; a record built in code may still hold one.
    private static void OmitEmptyLists(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (!property.IsExtensionData && property.PropertyType != typeof(string)
                && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = static (_, value) => value switch
                {
                    ICollection collection => collection.Count > 0,
                    IEnumerable items => items.GetEnumerator().MoveNext(),
                    _ => value is not null,
                };
            }
        }
    }
}
