using CalcCds.Storage;

namespace CalcCds.Api.Security;

/// <summary>
/// <see cref="IJtiReplayCache"/> shared by every instance that uses the same PostgreSQL database: a token accepted
/// by one instance is a replay for all. Expired ids are swept at most once a minute, by whichever request comes.
/// </summary>
public sealed class PostgresJtiReplayCache(PostgresTokenReplayStore store, TimeProvider time, ILogger<PostgresJtiReplayCache> logger)
    : IJtiReplayCache, IAsyncDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private long nextSweepTicks;

    public async ValueTask<bool> TryRecordAsync(string issuer, string jti, DateTimeOffset forgetAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recorded = await store.TryRecordAsync(issuer, jti, forgetAfter, now, cancellationToken);
        await SweepIfDueAsync(now);
        return recorded;
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();

    private async Task SweepIfDueAsync(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        try
        {
            var removed = await store.SweepAsync(now, CancellationToken.None);
            logger.LogDebug("Swept {Count} expired token ids from the replay store", removed);
        }
        catch (Exception ex)
        {
            // The sweep only saves space; the next one retries.
            logger.LogWarning("Sweeping the token replay store failed ({Error}: {Message})", ex.GetType().Name, ex.Message);
        }
    }
}
