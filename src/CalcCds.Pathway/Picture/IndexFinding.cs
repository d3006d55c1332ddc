namespace CalcCds.Pathway.Picture;

/// <summary>
/// The index finding of §1.4 for one lesion: a soft-tissue calcification on a lower-limb radiograph, either coded
/// (an STC-Finding Observation, R00a) or read from the radiology report text (R00b), with its descriptors (§3.2).
/// A descriptor that is null is unknown: the rules must say so, never guess.
/// </summary>
public sealed record IndexFinding
{
    /// <summary>The resource that establishes the finding (<c>Observation/…</c> or <c>DiagnosticReport/…</c>).</summary>
    public required string Reference { get; init; }

    public required FactOrigin Origin { get; init; }

    /// <summary>Clinical date of the finding (study or report date), as FHIR wrote it.</summary>
    public string? Date { get; init; }

    public DateTimeOffset? When { get; init; }

    /// <summary>Preliminary/partial data: may drive info cards only, never a critical card (§7.4).</summary>
    public bool IsPreliminary { get; init; }

    /// <summary>The report sentence the finding was read from, for narrative findings.</summary>
    public string? Sentence { get; init; }

    /// <summary>True when the report text only raises the finding as a possibility ("cannot exclude …").</summary>
    public bool IsUncertain { get; init; }

    public Fact<Laterality>? Laterality { get; init; }

    /// <summary>SNOMED body site code (lower-limb sites of §2.1).</summary>
    public Fact<string>? BodySite { get; init; }

    public IReadOnlyList<Fact<string>> Patterns { get; init; } = [];

    /// <summary>Largest dimension in cm (§3.2; mm converted).</summary>
    public Fact<decimal>? SizeCm { get; init; }

    /// <summary><c>stc-size-basis</c> code: mass, calcification-extent or unknown.</summary>
    public Fact<string>? SizeBasis { get; init; }

    /// <summary><c>superficial</c>, <c>deep</c> or <c>indeterminate</c>.</summary>
    public Fact<string>? Depth { get; init; }

    public Fact<Presence>? AssociatedMass { get; init; }

    /// <summary><c>stc-bone</c> code: none, abuts-no-change, periosteal-reaction, erosion, destruction, indeterminate.</summary>
    public Fact<string>? BoneInvolvement { get; init; }

    /// <summary>Pain at the site, when the finding records it (<c>stc-attr#pain</c>).</summary>
    public Fact<bool>? Pain { get; init; }

    /// <summary>Pain recorded as unexplained (<c>stc-attr#pain-unexplained</c>): with pain, a red flag even without a mass (§4.5).</summary>
    public Fact<bool>? PainUnexplained { get; init; }

    /// <summary><c>stc-location</c> codes (anatomic compartment and structure), in the order recorded.</summary>
    public IReadOnlyList<Fact<string>> Locations { get; init; } = [];

    /// <summary><c>stc-matrix</c> code: calcification, ossification, indeterminate or foreign-body.</summary>
    public Fact<string>? Matrix { get; init; }

    /// <summary><c>stc-dist</c> code: solitary, multifocal, regional, generalized or bilateral.</summary>
    public Fact<string>? Distribution { get; init; }

    /// <summary>SNOMED change-from-prior code (§3.2: new, stable, increased, decreased, greater, lesser…).</summary>
    public Fact<string>? Change { get; init; }

    /// <summary><c>stc-growth</c> code as asserted by the radiologist or clinician (rapid, increased, stable, decreased, unknown).</summary>
    public Fact<string>? Growth { get; init; }

    /// <summary><c>stc-mech</c> code, if the radiologist states the mechanism.</summary>
    public Fact<string>? Mechanism { get; init; }

    /// <summary>Key that identifies the lesion across reports: laterality and site.</summary>
    public string LesionKey => $"{Laterality?.Value.ToString() ?? "side-unknown"}:{BodySite?.Value ?? "site-unknown"}";

    public bool AnyFromText =>
        Origin == FactOrigin.ReportText
        || Patterns.Any(p => p.FromText)
        || SizeCm?.FromText == true || Depth?.FromText == true || AssociatedMass?.FromText == true || BoneInvolvement?.FromText == true
        || Locations.Any(l => l.FromText) || Matrix?.FromText == true || Change?.FromText == true || Growth?.FromText == true;
}
