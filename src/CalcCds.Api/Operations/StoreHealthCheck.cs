using CalcCds.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CalcCds.Api.Operations;

/// <summary>Ready only while the store answers: feedback posted to an instance that cannot keep it must go elsewhere.</summary>
public sealed class StoreHealthCheck(IFeedbackStore store) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await store.CheckAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure of the store means "not ready"; the reason goes into the description.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"Store unavailable: {e.Message}", e);
        }
    }
}
