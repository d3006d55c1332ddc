namespace CalcCds.Storage;

/// <summary>
/// Where feedback and the evaluation log are kept. Implementations must not acknowledge (return from
/// <see cref="AddAsync"/>) an entry they could lose, and must be safe to call concurrently.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Creates the store if needed and applies pending schema migrations. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores every entry durably, in one transaction: all are kept or none.</summary>
    Task AddAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken);

    /// <summary>Every stored report, oldest first, of one card or of all cards.</summary>
    Task<IReadOnlyList<FeedbackEntry>> ListAsync(string? cardUuid, CancellationToken cancellationToken);

    /// <summary>Appends hook calls to the evaluation log. A card uuid already logged is not logged again.</summary>
    Task RecordEvaluationsAsync(IReadOnlyList<EvaluationRecord> evaluations, CancellationToken cancellationToken);

    /// <summary>The logged hook calls of one hookInstance (or all), oldest first.</summary>
    Task<IReadOnlyList<EvaluationRecord>> ListEvaluationsAsync(string? hookInstance, CancellationToken cancellationToken);

    /// <summary>
    /// Cards logged for <paramref name="patientKey"/> at or after <paramref name="since"/> that received feedback
    /// (accepted or overridden), distinct by rule, lesion and fingerprint: what repeat suppression may hide.
    /// </summary>
    Task<IReadOnlyList<ActedOnCard>> FindActedOnCardsAsync(string patientKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes evaluation-log rows older than <paramref name="cutoff"/>; returns how many hook calls went.</summary>
    Task<int> PurgeEvaluationsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The facts the analytics report is built from, for <c>[from, to)</c>.</summary>
    Task<ReportFacts> ReadReportFactsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Throws, with a message an operator can act on, when the store cannot serve requests.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
