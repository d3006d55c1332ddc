using System.Collections.Concurrent;

namespace CalcCds.Api.Security;

/// <summary>
/// Process-local <see cref="IJtiReplayCache"/>. Only tokens that passed signature validation reach it, so its
/// size is bounded by what trusted clients send within a token lifetime; expired ids are swept out now and then.
/// </summary>
public sealed class InMemoryJtiReplayCache(TimeProvider time) : IJtiReplayCache
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Issuer, string Jti), DateTimeOffset> seen = new();
    private readonly Lock sweepLock = new();
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    public ValueTask<bool> TryRecordAsync(string issuer, string jti, DateTimeOffset forgetAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        SweepIfDue(now);
        var key = (issuer, jti);
        while (true)
        {
            if (seen.TryAdd(key, forgetAfter))
            {
                return ValueTask.FromResult(true);
            }

            if (seen.TryGetValue(key, out var existing) && existing > now)
            {
                return ValueTask.FromResult(false);
            }

            // The recorded entry has expired but was not swept yet: replace it atomically, or retry if it changed.
            if (seen.TryUpdate(key, forgetAfter, existing))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < nextSweep || !sweepLock.TryEnter())
        {
            return;
        }

        try
        {
            nextSweep = now + SweepInterval;
            foreach (var (key, forgetAfter) in seen)
            {
                if (forgetAfter <= now)
                {
                    seen.TryRemove(new KeyValuePair<(string, string), DateTimeOffset>(key, forgetAfter));
                }
            }
        }
        finally
        {
            sweepLock.Exit();
        }
    }
}
