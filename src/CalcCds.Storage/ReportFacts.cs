namespace CalcCds.Storage;

/// <summary>What the analytics report is computed from: cards shown per rule and UTC day, and every feedback report.</summary>
public sealed record ReportFacts(IReadOnlyList<ShownCount> Shown, IReadOnlyList<FeedbackFact> Feedback);

/// <summary>Cards of <paramref name="RuleId"/> shown on the UTC day starting at <paramref name="Day"/>.</summary>
public sealed record ShownCount(string RuleId, DateTimeOffset Day, long Count);

/// <summary>One feedback report reduced to what analytics needs; <paramref name="RuleId"/> null when unknown.</summary>
public sealed record FeedbackFact(
    string? RuleId,
    string CardUuid,
    string Outcome,
    string? ReasonSystem,
    string? ReasonCode,
    string? ReasonDisplay,
    DateTimeOffset OutcomeTimestamp);
