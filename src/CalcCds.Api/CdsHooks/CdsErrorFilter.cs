using CalcCds.Hooks.Protocol;

namespace CalcCds.Api.CdsHooks;

/// <summary>
/// The one place where CDS endpoint failures become answers: a <see cref="CdsRequestException"/> becomes its
/// OperationOutcome (400/404/412); anything unexpected becomes a 500 OperationOutcome that names the hookInstance /
/// trace id for the logs and never carries a stack trace.
/// </summary>
public sealed class CdsErrorFilter(ILogger<CdsErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (CdsRequestException e)
        {
            logger.LogInformation("CDS request refused with {Status}: {Issues}", e.StatusCode, string.Join("; ", e.Issues.Select(i => i.Expression ?? i.Code)));
            return OperationOutcomeResult.From(e);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The EHR went away; there is nobody to answer.
            return Results.Empty;
        }
#pragma warning disable CA1031 // The last line of defence: no exception may leak a stack trace to the client.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Unexpected failure in {Path} (trace {TraceId})", context.HttpContext.Request.Path, context.HttpContext.TraceIdentifier);
            return new OperationOutcomeResult(500, [new CdsIssue("exception", $"Internal error; reference {context.HttpContext.TraceIdentifier}.")]);
        }
    }
}
