using System.Collections.Concurrent;
using CalcCds.Api.Operations;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Tests;

/// <summary>The evaluation log's writer: group commit within the commit interval, nothing lost, a prompt drain.</summary>
public sealed class EvaluationLogTests
{
    [Fact]
    public async Task An_idle_log_writes_a_call_at_once_and_groups_the_calls_that_arrive_within_the_commit_interval()
    {
        var store = new RecordingStore();
        var log = NewLog(store, commitInterval: TimeSpan.FromSeconds(30));
        await log.StartAsync(CancellationToken.None);

        Record(log, "first");
        // Written long before the 30 s interval could have passed: the log was idle.
        Assert.True(await store.WaitForBatchesAsync(1, TimeSpan.FromSeconds(10)), "the first call was not written at once");

        Record(log, "second");
        Record(log, "third");
        Record(log, "fourth");
        // Within the interval the log waits: the three calls are not committed one by one.
        Assert.False(await store.WaitForBatchesAsync(2, TimeSpan.FromMilliseconds(300)), "a call was committed inside the commit interval");

        // A shutdown ends the wait and drains the queue in one commit, without sitting out the interval.
        var disposing = log.DisposeAsync().AsTask();
        Assert.Same(disposing, await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal([["first"], ["second", "third", "fourth"]], store.Batches);
    }

    [Fact]
    public async Task Every_call_from_concurrent_callers_is_written_once_in_batches_of_at_most_256()
    {
        var store = new RecordingStore();
        var log = NewLog(store, commitInterval: TimeSpan.FromMilliseconds(20));
        await log.StartAsync(CancellationToken.None);

        var names = Enumerable.Range(0, 2_000).Select(i => $"call-{i}").ToArray();
        await Task.WhenAll(names.Chunk(100).Select(chunk => Task.Run(() =>
        {
            foreach (var name in chunk)
            {
                Record(log, name);
            }
        })));
        await log.DisposeAsync();

        var written = store.Batches.SelectMany(b => b).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
        Assert.All(store.Batches, b => Assert.InRange(b.Count, 1, 256));
        Assert.True(store.Batches.Count < names.Length, $"{store.Batches.Count} commits for {names.Length} calls");
    }

    [Fact]
    public async Task A_failed_commit_is_counted_and_the_next_calls_are_still_written()
    {
        var store = new RecordingStore { FailNext = true };
        var log = NewLog(store, commitInterval: TimeSpan.Zero);
        await log.StartAsync(CancellationToken.None);

        Record(log, "lost");
        Assert.True(await store.WaitForFailureAsync(TimeSpan.FromSeconds(10)));
        Record(log, "kept");
        await log.DisposeAsync();

        Assert.Equal([["kept"]], store.Batches);
    }

    private static EvaluationLog NewLog(IFeedbackStore store, TimeSpan commitInterval)
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var options = Options.Create(new StorageOptions { EvaluationLogCommitInterval = commitInterval });
        return new EvaluationLog(store, new CdsMetrics(meters), TimeProvider.System, options, NullLogger<EvaluationLog>.Instance);
    }

    private static void Record(EvaluationLog log, string hookInstance) =>
        log.Record("calccds-patient-view", hookInstance, patientKey: null, CdsResponse.Empty, PrefetchSet.Empty, TimeSpan.FromMilliseconds(1));

    /// <summary>Keeps each committed batch's hookInstances; only the evaluation-log write is supported.</summary>
    private sealed class RecordingStore : IFeedbackStore
    {
        private readonly ConcurrentQueue<List<string>> batches = new();
        private readonly SemaphoreSlim committed = new(0);
        private readonly SemaphoreSlim failed = new(0);

        public bool FailNext { get; set; }

        public IReadOnlyList<List<string>> Batches => [.. batches];

        public Task RecordEvaluationsAsync(IReadOnlyList<EvaluationRecord> evaluations, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                failed.Release();
                throw new InvalidOperationException("store down");
            }

            batches.Enqueue(evaluations.Select(e => e.HookInstance).ToList());
            committed.Release();
            return Task.CompletedTask;
        }

        public async Task<bool> WaitForBatchesAsync(int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (batches.Count < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await committed.WaitAsync(left))
                {
                    return batches.Count >= count;
                }
            }

            return true;
        }

        public Task<bool> WaitForFailureAsync(TimeSpan timeout) => failed.WaitAsync(timeout);

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task AddAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<FeedbackEntry>> ListAsync(string? cardUuid, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<EvaluationRecord>> ListEvaluationsAsync(string? hookInstance, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ActedOnCard>> FindActedOnCardsAsync(string patientKey, DateTimeOffset since, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> PurgeEvaluationsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReportFacts> ReadReportFactsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CheckAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
