using System.Text.Json;
using System.Text.Json.Serialization;
using CalcCds.Fhir.Model;

namespace CalcCds.Fhir.Serialization;

/// <summary>Reads and writes <see cref="FhirDateTime"/> as its original JSON string.</summary>
public sealed class FhirDateTimeJsonConverter : JsonConverter<FhirDateTime>
{
    public override FhirDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a JSON string for a FHIR date/dateTime/instant, found {reader.TokenType}");
        }

        var text = reader.GetString();
        return FhirDateTime.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a valid FHIR dateTime");
    }

    public override void Write(Utf8JsonWriter writer, FhirDateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Value);
    }
}
