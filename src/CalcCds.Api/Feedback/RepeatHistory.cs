using System.Collections.Frozen;
using CalcCds.Api.Operations;
using CalcCds.Hooks.Evaluation;
using CalcCds.Pathway;
using CalcCds.Storage;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Feedback;

/// <summary>
/// Loads, for one hook call, the cards a clinician already acted on for the same patient within
/// <see cref="PathwayOptions.RepeatSuppressionDays"/> (Product decision 9). Suppression is a convenience and the
/// cards are the service: when the store is slow or down, this answers "nothing acted on" (every card shows) and logs
/// the error, never failing or stalling the hook call.
/// </summary>
public sealed class RepeatHistory(
    IFeedbackStore store,
    IOptions<PathwayOptions> pathwayOptions,
    IOptions<StorageOptions> storageOptions,
    TimeProvider clock,
    ILogger<RepeatHistory> logger)
{
    public async Task<IReadOnlySet<RepeatKey>> LoadAsync(string? patientKey, CancellationToken cancellationToken)
    {
        var days = pathwayOptions.Value.RepeatSuppressionDays;
        if (days == 0 || patientKey is null)
        {
            return FrozenSet<RepeatKey>.Empty;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(storageOptions.Value.RepeatLookupTimeout);
        try
        {
            var acted = await store.FindActedOnCardsAsync(patientKey, clock.GetUtcNow().AddDays(-days), deadline.Token);
            return acted.Select(a => new RepeatKey(a.RuleId, a.LesionKey, a.Fingerprint)).ToFrozenSet();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; the hook call is being abandoned anyway.
            return FrozenSet<RepeatKey>.Empty;
        }
#pragma warning disable CA1031 // Any store failure must leave the hook call answering with every card.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Repeat suppression skipped for this call: the feedback store did not answer");
            return FrozenSet<RepeatKey>.Empty;
        }
    }
}
