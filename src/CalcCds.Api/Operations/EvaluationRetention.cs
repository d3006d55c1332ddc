using CalcCds.Storage;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Operations;

/// <summary>Deletes evaluation-log rows older than <see cref="StorageOptions.EvaluationRetention"/>, at start and then
/// every <see cref="StorageOptions.CleanupInterval"/>. With several instances each runs it; the delete is idempotent.</summary>
public sealed class EvaluationRetention(IFeedbackStore store, TimeProvider clock, IOptions<StorageOptions> options, ILogger<EvaluationRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var cutoff = clock.GetUtcNow() - settings.EvaluationRetention;
                var deleted = await store.PurgeEvaluationsAsync(cutoff, stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Evaluation log: deleted {Count} hook call(s) older than {Cutoff:O}", deleted, cutoff);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed clean-up is retried at the next interval; the readiness check reports the store.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Evaluation log clean-up failed; retrying in {Interval}", settings.CleanupInterval);
            }

            try
            {
                await Task.Delay(settings.CleanupInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
