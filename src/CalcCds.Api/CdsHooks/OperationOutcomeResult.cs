using System.Text.Json;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Api.CdsHooks;

/// <summary>
/// A FHIR OperationOutcome answer (CDS Hooks 3.0 style errors) with one issue per problem. Written directly with
/// Utf8JsonWriter: it is small, and must never fail while reporting another failure.
/// </summary>
public sealed class OperationOutcomeResult(int statusCode, IReadOnlyList<CdsIssue> issues) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public IReadOnlyList<CdsIssue> Issues => issues;

    public static OperationOutcomeResult From(CdsRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(exception.StatusCode, exception.Issues);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/fhir+json";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("resourceType", "OperationOutcome");
        writer.WriteStartArray("issue");
        foreach (var issue in issues.Count > 0 ? issues : [new CdsIssue("exception", "The request failed.")])
        {
            writer.WriteStartObject();
            writer.WriteString("severity", issue.Severity);
            writer.WriteString("code", issue.Code);
            writer.WriteString("diagnostics", issue.Diagnostics);
            if (issue.Expression is not null)
            {
                writer.WriteStartArray("expression");
                writer.WriteStringValue(issue.Expression);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
