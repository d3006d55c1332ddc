namespace CalcCds.Fhir.Serialization;

/// <summary>The JSON is not valid FHIR R4 (or not JSON). <see cref="Path"/> names where, e.g. <c>$.entry[3].resource.effectiveDateTime</c>.</summary>
public sealed class FhirParseException : Exception
{
    public FhirParseException()
        : this("$", "invalid FHIR JSON")
    {
    }

    public FhirParseException(string message)
        : this("$", message)
    {
    }

    public FhirParseException(string message, Exception innerException)
        : this("$", message, innerException)
    {
    }

    public FhirParseException(string path, string reason, Exception? innerException = null)
        : base($"{path}: {reason}", innerException)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>JSON path of the offending value (<c>$</c> for the document itself).</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Reason { get; }

    /// <summary>The same information as a value, for the TryParse variants.</summary>
    public FhirParseError ToError() => new(Path, Reason);
}
