using System.Diagnostics;
using System.Globalization;

namespace CalcCds.Api.Operations;

/// <summary>Times every request the FHIR client makes and counts failures, on the FHIR client's HttpClient.</summary>
public sealed class FhirFetchMetricsHandler(CdsMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            metrics.FhirFetched(status.ToString(CultureInfo.InvariantCulture), Stopwatch.GetElapsedTime(started), failed: status >= 400);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            metrics.FhirFetched(e is OperationCanceledException ? "timeout" : "no-answer", Stopwatch.GetElapsedTime(started), failed: true);
            throw;
        }
    }
}
