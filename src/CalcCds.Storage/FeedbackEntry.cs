namespace CalcCds.Storage;

/// <summary>One feedback report on one card, as received. The same card may be reported more than once.</summary>
public sealed record FeedbackEntry
{
    public required string ServiceId { get; init; }

    public required string CardUuid { get; init; }

    /// <summary>
    /// The rule that produced the card, found through the card uuid in the evaluation log when the entry is stored
    /// (null when no logged evaluation produced that uuid). Ignored on <see cref="IFeedbackStore.AddAsync"/>.
    /// </summary>
    public string? RuleId { get; init; }

    /// <summary><c>accepted</c> or <c>overridden</c>.</summary>
    public required string Outcome { get; init; }

    public IReadOnlyList<string> AcceptedSuggestionIds { get; init; } = [];

    public string? OverrideReasonSystem { get; init; }

    public string? OverrideReasonCode { get; init; }

    public string? OverrideReasonDisplay { get; init; }

    public string? UserComment { get; init; }

    public required DateTimeOffset OutcomeTimestamp { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The <c>iss</c> of the authenticated CDS client, when the call was authenticated.</summary>
    public string? Issuer { get; init; }

    /// <summary>The <c>tenant</c> claim of the authenticated CDS client, when present.</summary>
    public string? Tenant { get; init; }
}
