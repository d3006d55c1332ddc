using System.Collections.Concurrent;

namespace CalcCds.Api.Feedback;

/// <summary>
/// Keeps feedback in process memory, bounded to the newest <see cref="Capacity"/> entries. It survives no restart:
/// it is the store for development and tests until a durable store is configured.
/// </summary>
public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    public const int Capacity = 100_000;

    private readonly ConcurrentQueue<FeedbackEntry> entries = new();

    public Task AddAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            this.entries.Enqueue(entry);
        }

        while (this.entries.Count > Capacity && this.entries.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackEntry>> ListAsync(string? cardUuid, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FeedbackEntry>>(entries.Where(e => cardUuid is null || e.CardUuid == cardUuid).ToList());
}
