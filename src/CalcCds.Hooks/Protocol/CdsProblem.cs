namespace CalcCds.Hooks.Protocol;

/// <summary>
/// One problem found in a request, in OperationOutcome terms: <see cref="Code"/> is a FHIR issue-type code
/// (invalid, required, structure, not-found, processing, timeout, security, exception...) and
/// <see cref="Expression"/> points at the offending element, e.g. <c>context.patientId</c>.
/// </summary>
public sealed record CdsIssue(string Code, string Diagnostics, string? Expression = null, string Severity = "error");

/// <summary>
/// Raised for a request the service cannot answer with cards: the client's mistake (400), an unknown service (404),
/// or missing data it could not fetch (412). The API layer turns it into an OperationOutcome; it never carries a
/// token or PHI value in its text.
/// </summary>
public sealed class CdsRequestException : Exception
{
    public CdsRequestException(int statusCode, IReadOnlyList<CdsIssue> issues)
        : base(issues.Count > 0 ? issues[0].Diagnostics : "Request failed")
    {
        StatusCode = statusCode;
        Issues = issues;
    }

    public CdsRequestException(int statusCode, CdsIssue issue)
        : this(statusCode, [issue])
    {
    }

    public CdsRequestException()
        : this(400, [])
    {
    }

    public CdsRequestException(string message)
        : this(400, [new CdsIssue("invalid", message)])
    {
    }

    public CdsRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Issues = [new CdsIssue("invalid", message)];
    }

    public int StatusCode { get; }

    public IReadOnlyList<CdsIssue> Issues { get; }

    public static CdsRequestException BadRequest(string diagnostics, string? expression = null, string code = "invalid") =>
        new(400, new CdsIssue(code, diagnostics, expression));

    public static CdsRequestException PreconditionFailed(IReadOnlyList<CdsIssue> issues) => new(412, issues);
}
