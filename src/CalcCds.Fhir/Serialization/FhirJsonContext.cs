using System.Text.Json;
using System.Text.Json.Serialization;
using CalcCds.Fhir.Model;

namespace CalcCds.Fhir.Serialization;

/// <summary>
/// Source-generated metadata for the modelled resources (and, transitively, every datatype).
/// Strict FHIR JSON: no comments, no trailing commas, numbers only as JSON numbers.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 256,
    Converters = [typeof(ResourceJsonConverter)])]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(Bundle))]
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(DiagnosticReport))]
[JsonSerializable(typeof(Encounter))]
[JsonSerializable(typeof(ImagingStudy))]
[JsonSerializable(typeof(MedicationRequest))]
[JsonSerializable(typeof(Observation))]
[JsonSerializable(typeof(OperationOutcome))]
[JsonSerializable(typeof(Organization))]
[JsonSerializable(typeof(Patient))]
[JsonSerializable(typeof(Practitioner))]
[JsonSerializable(typeof(Procedure))]
[JsonSerializable(typeof(ServiceRequest))]
[JsonSerializable(typeof(PrimitiveElement))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class FhirJsonContext : JsonSerializerContext;
