using System.Diagnostics;
using System.Threading.Channels;
using CalcCds.Hooks.Evaluation;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Storage;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Operations;

/// <summary>
/// Writes one evaluation-log row per hook call, off the request path: the EHR waits for cards, not for an fsync.
/// Calls queue in a bounded channel and a single writer stores them in batches. The queue is drained when the
/// container is disposed, which the host does only after the server has finished its in-flight requests, so a
/// graceful shutdown loses nothing; a crash loses at most the queued calls (feedback itself is never queued).
/// </summary>
public sealed class EvaluationLog : IHostedService, IAsyncDisposable
{
    private const int BatchSize = 256;

    private readonly Channel<EvaluationRecord> queue;
    private readonly IFeedbackStore store;
    private readonly CdsMetrics metrics;
    private readonly TimeProvider clock;
    private readonly ILogger<EvaluationLog> logger;
    private readonly TimeSpan commitInterval;
    private Task? writing;
    private readonly ManualResetEventSlim closing = new();

    public EvaluationLog(IFeedbackStore store, CdsMetrics metrics, TimeProvider clock, IOptions<StorageOptions> options, ILogger<EvaluationLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.logger = logger;
        commitInterval = options.Value.EvaluationLogCommitInterval;
        queue = Channel.CreateBounded<EvaluationRecord>(new BoundedChannelOptions(options.Value.EvaluationLogQueue)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
    }

    /// <summary>
    /// Queues one hook call: ids, rule ids, indicators, hashes and counts, never a value from the patient's record.
    /// <paramref name="patientKey"/> is the call's <see cref="PatientKey"/> (a hash, not the patient id), which repeat
    /// suppression looks cards up by.
    /// </summary>
    public void Record(string serviceId, string hookInstance, string? patientKey, CdsResponse response, PrefetchSet prefetch, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(prefetch);
        metrics.Evaluated(serviceId, duration);
        var record = new EvaluationRecord
        {
            HookInstance = hookInstance,
            ServiceId = serviceId,
            EvaluatedAt = clock.GetUtcNow(),
            Duration = duration,
            PrefetchProvided = prefetch.Keys.Count(k => prefetch[k]?.Source == PrefetchSource.Request),
            PrefetchFetched = prefetch.FetchedCount,
            PatientKey = patientKey,
            Cards = response.Cards
                .Select(c => new EvaluatedCard(c.Uuid, c.Source.Topic?.Code ?? "unknown", c.Indicator.Code())
                {
                    LesionKey = c.Trace?.LesionKey,
                    Fingerprint = c.Trace?.Fingerprint,
                })
                .ToList(),
        };
        if (!queue.Writer.TryWrite(record))
        {
            metrics.EvaluationLogDropped(1);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own: Microsoft.Data.Sqlite's async methods run synchronously, so a batch (inserts, then the
        // commit's fsync) would otherwise hold one of the few thread-pool threads that answer hook calls, and calls
        // would queue behind it (measured as latency spikes under load on 2 cores).
        writing = Task.Factory.StartNew(Write, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        closing.Set();
        queue.Writer.TryComplete();
        if (writing is not null)
        {
            await writing;
        }

        closing.Dispose();
    }

    // Blocking waits are deliberate: this is the log's own thread (see StartAsync), and with PostgreSQL the awaited I/O
    // completes on the pool without needing this thread back.
    private void Write()
    {
        var batch = new List<EvaluationRecord>(BatchSize);
        var lastCommit = long.MinValue;
        while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            // Group commit: a call that finds the log idle is written at once; one that comes within the commit
            // interval of the last commit waits out the rest of it, so the calls of a busy period share a transaction.
            // At ~1,500 calls/s a commit per handful of calls cost a transaction, its statements' preparation and an
            // fsync each time (measured: ~85 commits/s, 7% of the service's CPU on this thread).
            if (lastCommit != long.MinValue)
            {
                var wait = commitInterval - Stopwatch.GetElapsedTime(lastCommit);
                if (wait > TimeSpan.Zero)
                {
                    closing.Wait(wait); // a shutdown ends the wait: the queue is drained at once
                }
            }

            while (queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
                if (batch.Count == BatchSize)
                {
                    Commit(batch);
                }
            }

            if (batch.Count > 0)
            {
                Commit(batch);
            }

            lastCommit = Stopwatch.GetTimestamp();
        }
    }

    private void Commit(List<EvaluationRecord> batch)
    {
        try
        {
            store.RecordEvaluationsAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // The log must outlive a store outage; the loss is counted and logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            metrics.EvaluationLogDropped(batch.Count);
            logger.LogWarning(e, "Could not write {Count} hook call(s) to the evaluation log", batch.Count);
        }

        batch.Clear();
    }
}
