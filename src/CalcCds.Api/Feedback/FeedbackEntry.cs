namespace CalcCds.Api.Feedback;

/// <summary>One feedback report on one card, as received. The same card may be reported more than once.</summary>
public sealed record FeedbackEntry
{
    public required string ServiceId { get; init; }

    public required string CardUuid { get; init; }

    /// <summary><c>accepted</c> or <c>overridden</c>.</summary>
    public required string Outcome { get; init; }

    public IReadOnlyList<string> AcceptedSuggestionIds { get; init; } = [];

    public string? OverrideReasonSystem { get; init; }

    public string? OverrideReasonCode { get; init; }

    public string? OverrideReasonDisplay { get; init; }

    public string? UserComment { get; init; }

    public required DateTimeOffset OutcomeTimestamp { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>Where feedback is kept. Implementations must not acknowledge an entry they could lose.</summary>
public interface IFeedbackStore
{
    Task AddAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackEntry>> ListAsync(string? cardUuid, CancellationToken cancellationToken);
}
