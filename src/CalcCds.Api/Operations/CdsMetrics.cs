using System.Diagnostics.Metrics;

namespace CalcCds.Api.Operations;

/// <summary>
/// Service-level instruments on the <c>CalcCds.Api</c> meter, readable with
/// <c>dotnet-counters monitor --counters CalcCds.Api,CalcCds.Pathway</c>. Tags are service ids, endpoint names and
/// status codes only: never anything from a patient's record.
/// </summary>
public sealed class CdsMetrics
{
    public const string MeterName = "CalcCds.Api";

    private readonly Counter<long> requests;
    private readonly Histogram<double> evaluationDuration;
    private readonly Histogram<double> fhirFetchDuration;
    private readonly Counter<long> fhirFetchErrors;
    private readonly Counter<long> evaluationLogDropped;

    public CdsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        requests = meter.CreateCounter<long>("calccds.requests", description: "CDS Hooks requests, by service, endpoint and status code");
        evaluationDuration = meter.CreateHistogram<double>("calccds.evaluation.duration", unit: "s", description: "Hook call time from body read to response, by service");
        fhirFetchDuration = meter.CreateHistogram<double>("calccds.fhir.fetch.duration", unit: "s", description: "FHIR server requests made to fill prefetch gaps, by status code");
        fhirFetchErrors = meter.CreateCounter<long>("calccds.fhir.fetch.errors", description: "FHIR requests that failed (status >= 400 or no answer), by status");
        evaluationLogDropped = meter.CreateCounter<long>("calccds.evaluation_log.dropped", description: "Hook calls not written to the evaluation log (queue full or store down)");
    }

    public void Request(string service, string endpoint, int status) => requests.Add(
        1,
        new KeyValuePair<string, object?>("service", service),
        new KeyValuePair<string, object?>("endpoint", endpoint),
        new KeyValuePair<string, object?>("status", status));

    public void Evaluated(string service, TimeSpan duration) =>
        evaluationDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("service", service));

    public void FhirFetched(string status, TimeSpan duration, bool failed)
    {
        var tag = new KeyValuePair<string, object?>("status", status);
        fhirFetchDuration.Record(duration.TotalSeconds, tag);
        if (failed)
        {
            fhirFetchErrors.Add(1, tag);
        }
    }

    public void EvaluationLogDropped(int count) => evaluationLogDropped.Add(count);
}
