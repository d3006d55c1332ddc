namespace CalcCds.Fhir.Client;

/// <summary>
/// A FHIR server call failed. <see cref="Url"/> is the relative URL (path and query) that was
/// requested; neither it nor the message ever contains the bearer token.
/// </summary>
public sealed class FhirClientException : Exception
{
    public FhirClientException()
        : this(FhirClientErrorKind.OtherStatus, null, string.Empty, "FHIR request failed")
    {
    }

    public FhirClientException(string message)
        : this(FhirClientErrorKind.OtherStatus, null, string.Empty, message)
    {
    }

    public FhirClientException(string message, Exception innerException)
        : this(FhirClientErrorKind.OtherStatus, null, string.Empty, message, innerException)
    {
    }

    public FhirClientException(FhirClientErrorKind kind, int? statusCode, string url, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        Url = url;
    }

    public FhirClientErrorKind Kind { get; }

    /// <summary>The HTTP status, when the server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The relative URL requested (path and query, no token).</summary>
    public string Url { get; }
}
