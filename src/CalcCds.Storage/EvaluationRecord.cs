namespace CalcCds.Storage;

/// <summary>
/// One hook call in the evaluation log: identifiers and counts only. Nothing here may carry a patient's data, so the
/// log can be kept and shared with a governance committee without the protections a chart needs.
/// </summary>
public sealed record EvaluationRecord
{
    public required string HookInstance { get; init; }

    public required string ServiceId { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Prefetch keys the EHR sent filled in.</summary>
    public required int PrefetchProvided { get; init; }

    /// <summary>Prefetch keys the service had to fetch from the FHIR server.</summary>
    public required int PrefetchFetched { get; init; }

    /// <summary>
    /// SHA-256 of the FHIR server and patient id (hex): lets repeat suppression find this patient's earlier cards
    /// without the log holding a patient identifier. Null when the call named no patient.
    /// </summary>
    public string? PatientKey { get; init; }

    public required IReadOnlyList<EvaluatedCard> Cards { get; init; }
}

/// <summary>A card returned by a hook call: its uuid (the key feedback arrives with), rule and indicator.</summary>
public sealed record EvaluatedCard(string CardUuid, string RuleId, string Indicator)
{
    /// <summary>Which lesion the card is about (empty for patient-level cards); null for cards logged before schema 2.</summary>
    public string? LesionKey { get; init; }

    /// <summary>SHA-256 (hex) over what the card said: the same fingerprint means the same advice on the same inputs.</summary>
    public string? Fingerprint { get; init; }
}

/// <summary>A card a clinician already acted on (feedback accepted or overridden): the key repeat suppression matches.</summary>
public sealed record ActedOnCard(string RuleId, string LesionKey, string Fingerprint);
