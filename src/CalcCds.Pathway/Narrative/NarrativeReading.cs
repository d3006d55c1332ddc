using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Narrative;

/// <summary>
/// What <see cref="ReportTextReader"/> read from one report text. The accessors summarise <see cref="Facts"/>
/// (affirmed and uncertain facts; negated ones only where the negation itself is the answer, as for "no associated
/// mass" or "without bone destruction").
/// </summary>
public sealed record NarrativeReading(
    FindingStatus Finding,
    string? FindingSentence,
    IReadOnlyList<NarrativeFact> Facts,
    bool Truncated = false)
{
    public static NarrativeReading Empty { get; } = new(FindingStatus.NotMentioned, null, []);

    /// <summary>Present or uncertain: the narrative fallback R00b treats both as an index finding.</summary>
    public bool HasIndexFinding => Finding is FindingStatus.Present or FindingStatus.Uncertain;

    /// <summary>stc-pattern codes, in report order.</summary>
    public IReadOnlyList<string> Patterns => Codes(NarrativeAttribute.Pattern);

    /// <summary>stc-location codes, in report order.</summary>
    public IReadOnlyList<string> Locations => Codes(NarrativeAttribute.Location);

    /// <summary>stc-dist codes, in report order.</summary>
    public IReadOnlyList<string> Distributions => Codes(NarrativeAttribute.Distribution);

    /// <summary>stc-mech codes, in report order.</summary>
    public IReadOnlyList<string> Mechanisms => Codes(NarrativeAttribute.Mechanism);

    /// <summary>
    /// Largest dimension in cm. The 5 cm and 3 cm thresholds apply to the mass, so a mass size wins over a
    /// calcification extent, which wins over a size of unknown basis (§3.2).
    /// </summary>
    public decimal? MaxSizeCm => ChosenSize?.Value;

    /// <summary>stc-size-basis code of <see cref="MaxSizeCm"/>, or null when no size was read.</summary>
    public string? SizeBasis => ChosenSize?.Code;

    /// <summary>SNOMED 795002 (deep) or 26283006 (superficial); deep wins when both are stated (safety bias).</summary>
    public string? Depth
    {
        get
        {
            var depths = Codes(NarrativeAttribute.Depth);
            return depths.Contains(SnomedCodes.Depth.Deep) ? SnomedCodes.Depth.Deep : depths.FirstOrDefault();
        }
    }

    public MassStatus AssociatedMass
    {
        get
        {
            var values = Facts.Where(f => f.Attribute == NarrativeAttribute.AssociatedMass).Select(f => f.Code).ToList();
            return values.Contains(SnomedCodes.Presence.Present) ? MassStatus.Present
                : values.Contains(SnomedCodes.Presence.Indeterminate) ? MassStatus.Indeterminate
                : values.Contains(SnomedCodes.Presence.Absent) ? MassStatus.Absent
                : MassStatus.Unknown;
        }
    }

    /// <summary>stc-bone code: the most severe stated involvement, "none" only when nothing worse is stated.</summary>
    public string? BoneInvolvement
    {
        get
        {
            var values = Facts.Where(f => f.Attribute == NarrativeAttribute.BoneInvolvement).Select(f => f.Code).ToHashSet();
            return BoneSeverity.FirstOrDefault(values.Contains);
        }
    }

    /// <summary>stc-matrix code; ossification wins when both are described (cortex and medullary space seen).</summary>
    public string? Matrix
    {
        get
        {
            var values = Codes(NarrativeAttribute.Matrix);
            return values.Contains(StcCodes.Matrix.Ossification) ? StcCodes.Matrix.Ossification : values.FirstOrDefault();
        }
    }

    /// <summary>SNOMED change code (new, increased, stable, decreased); growth beats stability (safety bias).</summary>
    public string? Change => FirstOf(NarrativeAttribute.Change,
        SnomedCodes.Change.Increased, SnomedCodes.Change.New, SnomedCodes.Change.Decreased, SnomedCodes.Change.Stable);

    /// <summary>stc-growth code; rapid beats increased beats the rest.</summary>
    public string? Growth => FirstOf(NarrativeAttribute.Growth,
        StcCodes.Growth.Rapid, StcCodes.Growth.Increased, StcCodes.Growth.Decreased, StcCodes.Growth.Stable);

    /// <summary>SNOMED laterality; right and left together (or "bilateral") read as 51440002.</summary>
    public string? Laterality
    {
        get
        {
            var sides = Codes(NarrativeAttribute.Laterality);
            return sides.Contains(SnomedCodes.Laterality.Bilateral)
                || (sides.Contains(SnomedCodes.Laterality.Right) && sides.Contains(SnomedCodes.Laterality.Left))
                ? SnomedCodes.Laterality.Bilateral
                : sides.FirstOrDefault();
        }
    }

    /// <summary>SNOMED site: the most specific one named (calf before lower leg/thigh/knee/ankle before lower limb).</summary>
    public string? BodySiteCode
    {
        get
        {
            var sites = Codes(NarrativeAttribute.BodySite);
            return sites.OrderByDescending(SiteSpecificity).FirstOrDefault();
        }
    }

    /// <summary>
    /// The DQ1 descriptors the text does not determine, as stc-attr codes: pattern, lesion-max-dimension (no size),
    /// size-basis (a size whose basis is unknown), depth, associated-mass, bone-involvement. Symptom status is never in
    /// a radiology report and is left to the caller.
    /// </summary>
    public IReadOnlyList<string> MissingDescriptors
    {
        get
        {
            var missing = new List<string>();
            if (Patterns.Count == 0)
            {
                missing.Add(StcCodes.Attr.Pattern);
            }

            if (MaxSizeCm is null)
            {
                missing.Add(StcCodes.Attr.LesionMaxDimension);
            }
            else if (SizeBasis == StcCodes.SizeBasis.Unknown)
            {
                missing.Add(StcCodes.Attr.SizeBasis);
            }

            if (Depth is null)
            {
                missing.Add(StcCodes.Attr.Depth);
            }

            if (AssociatedMass is MassStatus.Unknown or MassStatus.Indeterminate)
            {
                missing.Add(StcCodes.Attr.AssociatedMass);
            }

            if (BoneInvolvement is null or StcCodes.Bone.Indeterminate)
            {
                missing.Add(StcCodes.Attr.BoneInvolvement);
            }

            return missing;
        }
    }

    private static readonly string[] BoneSeverity =
    [
        StcCodes.Bone.Destruction, StcCodes.Bone.Erosion, StcCodes.Bone.PeriostealReaction,
        StcCodes.Bone.Indeterminate, StcCodes.Bone.AbutsNoChange, StcCodes.Bone.None,
    ];

    private NarrativeFact? ChosenSize
    {
        get
        {
            var sizes = Facts.Where(f => f.Attribute == NarrativeAttribute.Size && f.Value is not null).ToList();
            foreach (var basis in new[] { StcCodes.SizeBasis.Mass, StcCodes.SizeBasis.CalcificationExtent, StcCodes.SizeBasis.Unknown })
            {
                var best = sizes.Where(f => f.Code == basis).MaxBy(f => f.Value);
                if (best is not null)
                {
                    return best;
                }
            }

            return null;
        }
    }

    private static int SiteSpecificity(string code) => code switch
    {
        SnomedCodes.BodySite.Calf => 2,
        SnomedCodes.BodySite.LowerLimb => 0,
        _ => 1,
    };

    private string? FirstOf(NarrativeAttribute attribute, params string[] precedence)
    {
        var values = Codes(attribute);
        return precedence.FirstOrDefault(values.Contains);
    }

    private List<string> Codes(NarrativeAttribute attribute) =>
        [.. Facts.Where(f => f.Attribute == attribute && !f.Negated).Select(f => f.Code).Distinct()];
}
