using CalcCds.Fhir.Model;
using CalcCds.Hooks.Prefetch;

namespace CalcCds.Pathway.Picture;

/// <summary>Whether the chart says the lesion causes symptoms (§4.7).</summary>
public enum SymptomStatus
{
    Unknown,
    Symptomatic,
    Asymptomatic,
}

/// <summary>
/// Everything the rules need about one patient, built once per request from the prefetch data. Rules read this,
/// never the raw FHIR, so each clinical interpretation (status filters, units, recency) is made in one place.
/// </summary>
public sealed record PatientPicture
{
    public required string PatientId { get; init; }

    public Patient? Patient { get; init; }

    /// <summary>The evaluation time; all recency windows are measured from it.</summary>
    public required DateTimeOffset Now { get; init; }

    public int? AgeYears { get; init; }

    /// <summary>The index findings, most recent first, at most one per laterality (§1.4).</summary>
    public IReadOnlyList<IndexFinding> IndexFindings { get; init; } = [];

    public SymptomStatus Symptoms { get; init; }

    public IReadOnlyList<Fact<SymptomRecord>> SymptomFacts { get; init; } = [];

    /// <summary>The prefetch data the picture was built from.</summary>
    public PrefetchSet Prefetch { get; init; } = PrefetchSet.Empty;

    public bool HasIndexFinding => IndexFindings.Count > 0;
}
