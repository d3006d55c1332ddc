namespace CalcCds.Fhir.Serialization;

/// <summary>Why a FHIR document did not parse: the JSON path and the reason.</summary>
public sealed record FhirParseError(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
