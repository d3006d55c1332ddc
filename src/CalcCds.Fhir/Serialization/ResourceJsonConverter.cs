using System.Text.Json;
using System.Text.Json.Serialization;
using CalcCds.Fhir.Model;

namespace CalcCds.Fhir.Serialization;

/// <summary>
/// Polymorphic FHIR resource by <c>resourceType</c> (which may appear anywhere in the object).
/// Modelled types become their record, other R4 types <see cref="OtherResource"/>, anything else
/// is an error. It always uses this library's own source-generated metadata, so another project
/// can put it on a <c>Resource</c> property in its own <see cref="JsonSerializerContext"/>.
/// Modelled records are written by <see cref="FhirFastWriter"/>, which writes System.Text.Json's bytes without
/// walking its metadata.
/// </summary>
public sealed class ResourceJsonConverter : JsonConverter<Resource>
{
    private static readonly Lazy<JsonSerializerOptions> LazyMetadataOnlyOptions = new(CreateMetadataOnlyOptions);

    // True only in MetadataOnlyOptions' converter.
    private readonly bool metadataOnly;

    public ResourceJsonConverter()
    {
    }

    private ResourceJsonConverter(bool metadataOnly) => this.metadataOnly = metadataOnly;

    /// <summary>
    /// FhirJson's options with every modelled resource, nested ones included, written by System.Text.Json's metadata
    /// instead of <see cref="FhirFastWriter"/>: the reference the fast writer is tested against, byte for byte.
    /// </summary>
    internal static JsonSerializerOptions MetadataOnlyOptions => LazyMetadataOnlyOptions.Value;

    public override Resource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonErrors.At("", $"expected a JSON object for a FHIR resource, found {reader.TokenType}");
        }

        var resourceType = PeekResourceType(reader);
        if (ResourceTypeNames.Modelled.TryGetValue(resourceType, out var type))
        {
            try
            {
                return (Resource)JsonSerializer.Deserialize(ref reader, FhirJson.Options.GetTypeInfo(type))!;
            }
            catch (JsonException e)
            {
                // A nested Deserialize starts its own path at "$"; carry it up so the caller's
                // path (e.g. $.entry[3].resource) can be joined with ours (.effectiveDateTime).
                throw JsonErrors.Nest(e);
            }
        }

        if (!ResourceTypeNames.IsR4(resourceType))
        {
            throw JsonErrors.At(".resourceType", $"'{resourceType}' is not a FHIR R4 resource type");
        }

        return OtherResource.FromJson(JsonElement.ParseValue(ref reader));
    }

    public override void Write(Utf8JsonWriter writer, Resource value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value is OtherResource other)
        {
            other.Json.WriteTo(writer);
            return;
        }

        if (metadataOnly)
        {
            JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
        }
        else if (!FhirFastWriter.TryWrite(writer, value))
        {
            // A record type this library does not model (derived elsewhere): System.Text.Json's metadata, if it has any.
            JsonSerializer.Serialize(writer, value, FhirJson.Options.GetTypeInfo(value.GetType()));
        }
    }

    private static JsonSerializerOptions CreateMetadataOnlyOptions()
    {
        // A runtime converter takes precedence over the [JsonConverter] on Resource, for nested resources as well.
        var options = new JsonSerializerOptions(FhirJson.Options);
        options.Converters.Clear();
        options.Converters.Add(new ResourceJsonConverter(metadataOnly: true));
        options.MakeReadOnly();
        return options;
    }

    // Scans a copy of the reader: FHIR does not require resourceType to be the first member.
    private static string PeekResourceType(Utf8JsonReader probe)
    {
        if (!TryMoveToResourceType(ref probe))
        {
            throw JsonErrors.At("", "a FHIR resource needs a resourceType");
        }

        return probe.TokenType == JsonTokenType.String
            ? probe.GetString()!
            : throw JsonErrors.At(".resourceType", $"expected a JSON string, found {probe.TokenType}");
    }

    /// <summary>
    /// Moves a reader that stands on a resource's StartObject to the value of its <c>resourceType</c> member (any JSON
    /// type; callers check it); false when the object has none. Shared by this converter and <see cref="FhirFastReader"/>.
    /// </summary>
    internal static bool TryMoveToResourceType(ref Utf8JsonReader probe)
    {
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            if (probe.ValueTextEquals("resourceType"u8))
            {
                probe.Read();
                return true;
            }

            if (!probe.Read() || !probe.TrySkip())
            {
                break;
            }
        }

        return false;
    }
}
