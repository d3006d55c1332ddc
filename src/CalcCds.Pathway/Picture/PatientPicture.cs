using CalcCds.Fhir.Model;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Clinical;

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
/// The record is partial: each area of the pathway (lesion and red flags, labs and renal status, clinical context,
/// orders) adds its derived facts in its own file, computed once on first use from the data below.
/// </summary>
public sealed partial record PatientPicture
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

    /// <summary>The parameters in force (§8).</summary>
    public PathwayOptions Options
    {
        // The defaults are made only for a picture built without options (tests): the builder always sets them, and
        // a full default PathwayOptions per request was garbage.
        get => options ??= new();
        init => options = value;
    }

    private PathwayOptions? options;

    /// <summary>The patient's Conditions with the status rules of §7.5 applied.</summary>
    public ConditionIndex Conditions { get; init; } = ConditionIndex.Empty;

    /// <summary>The hook being answered (patient-view, order-select, order-sign).</summary>
    public string Hook { get; init; } = HookDefinitions.PatientView;

    /// <summary>The draft orders of order-select / order-sign (ServiceRequests only), empty for patient-view.</summary>
    public IReadOnlyList<ServiceRequest> DraftOrders { get; init; } = [];

    /// <summary>The <c>selections</c> of order-select (references to draft orders).</summary>
    public IReadOnlyList<string> Selections { get; init; } = [];

    /// <summary>The user's reference from the hook context (e.g. <c>PractitionerRole/123</c>).</summary>
    public string? UserId { get; init; }

    /// <summary>The prefetch data the picture was built from.</summary>
    public PrefetchSet Prefetch { get; init; } = PrefetchSet.Empty;

    public bool HasIndexFinding => IndexFindings.Count > 0;
}
