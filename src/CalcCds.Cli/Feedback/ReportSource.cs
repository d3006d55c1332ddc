using System.Net;
using System.Net.Http.Json;
using CalcCds.Api.Feedback;
using CalcCds.Api.Operations;
using CalcCds.Storage;

namespace CalcCds.Cli.Feedback;

/// <summary>Where <c>calccds feedback report</c> reads the analytics from: a store directly, or a running service.</summary>
internal abstract class ReportSource : IAsyncDisposable
{
    /// <summary>What the header line names as the source (never a password).</summary>
    public abstract string Description { get; }

    public abstract Task<FeedbackReport> ReadAsync(ReportQuery query, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

/// <summary>Reads the store the service writes, without migrating it: an older or newer CLI must not change a live schema.</summary>
internal sealed class StoreReportSource(SqlFeedbackStore store) : ReportSource
{
    public override string Description => store.ToString() ?? "store";

    public override async Task<FeedbackReport> ReadAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        ReportFacts facts;
        try
        {
            facts = await store.ReadReportFactsAsync(query.From, query.To, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SourceException($"cannot read {Description}: {e.Message}", e);
        }

        return FeedbackReport.Build(facts, query.From, query.To, query.Period);
    }

    public override async ValueTask DisposeAsync() => await store.DisposeAsync();
}

/// <summary>Reads <c>GET /admin/feedback/report</c> of a running service with its admin key.</summary>
internal sealed class ServiceReportSource(Uri service, string adminKey, HttpMessageHandler? handler = null) : ReportSource
{
    private readonly HttpClient client = new(handler ?? new SocketsHttpHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) };

    public override string Description => service.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public override async Task<FeedbackReport> ReadAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        var url = new Uri(
            new Uri(Description + "/"),
            $"admin/feedback/report?from={Uri.EscapeDataString(query.From.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}"
            + $"&to={Uri.EscapeDataString(query.To.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}"
            + $"&period={query.Period.ToString().ToUpperInvariant()}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(AdminOptions.HeaderName, adminKey);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SourceException($"cannot reach {Description}: {e.Message}", e);
        }

        using (response)
        {
            var problem = response.StatusCode switch
            {
                HttpStatusCode.OK => null,
                HttpStatusCode.Unauthorized => $"{Description} refused the admin key (401): check --admin-key or CalcCds:Admin:ApiKey",
                HttpStatusCode.NotFound => $"{Description} has no analytics endpoint (404): is it CalcCds, with CalcCds:Admin:ApiKey set?",
                _ => $"{Description} answered {(int)response.StatusCode} {response.ReasonPhrase}",
            };
            if (problem is not null)
            {
                throw new SourceException(problem);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(ReportJsonContext.Default.FeedbackReport, cancellationToken)
                    ?? throw new SourceException($"{Description} answered an empty report");
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new SourceException($"{Description} answered something that is not a feedback report: {e.Message}", e);
            }
        }
    }

    public override ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The store or service could not give the report (exit code 3); the message is for the operator.</summary>
internal sealed class SourceException(string message, Exception? inner = null) : Exception(message, inner);
