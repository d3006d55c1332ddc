namespace CalcCds.Fhir.Client;

/// <summary>Why a FHIR server call failed, in the terms a CDS service acts on.</summary>
public enum FhirClientErrorKind
{
    /// <summary>401: the token is missing, expired or rejected.</summary>
    Unauthorized,

    /// <summary>403: the token lacks the scope for this read or search.</summary>
    Forbidden,

    /// <summary>404: no such resource (or search endpoint).</summary>
    NotFound,

    /// <summary>429: the server asks us to slow down.</summary>
    TooManyRequests,

    /// <summary>5xx.</summary>
    ServerError,

    /// <summary>Any other non-success status.</summary>
    OtherStatus,

    /// <summary>No answer within <see cref="FhirClientOptions.RequestTimeout"/>.</summary>
    Timeout,

    /// <summary>Connection refused, reset or dropped.</summary>
    Unreachable,

    /// <summary>The body is not JSON, not FHIR, or not the expected resource type; or a next link leaves the server.</summary>
    InvalidResponse,
}
