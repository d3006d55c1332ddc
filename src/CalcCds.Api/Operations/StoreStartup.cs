using CalcCds.Storage;

namespace CalcCds.Api.Operations;

/// <summary>
/// Applies the schema migrations at start-up. A store that is down does not stop the process: it starts, reports
/// not-ready on <c>/health/ready</c>, and the store retries initialization on the next use.
/// </summary>
public sealed class StoreStartup(IFeedbackStore store, ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
            logger.LogInformation("Feedback store ready: {Store}", store);
        }
#pragma warning disable CA1031 // Reported, and surfaced by the readiness check; the next use retries.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Feedback store could not be initialized; /health/ready reports it until it can");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
