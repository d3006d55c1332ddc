namespace CalcCds.Pathway.Narrative;

/// <summary>
/// The descriptor a <see cref="NarrativeFact"/> states. Each maps to a §3.2 component (see
/// <see cref="NarrativeAttributes.ComponentCode"/>) except <see cref="Laterality"/> and <see cref="BodySite"/>,
/// which belong on <c>Observation.bodySite</c>.
/// </summary>
public enum NarrativeAttribute
{
    Pattern,
    Location,
    Depth,

    /// <summary>Largest dimension in cm; the fact's code is its size basis (stc-size-basis).</summary>
    Size,
    AssociatedMass,
    Change,
    Growth,
    BoneInvolvement,
    Matrix,
    Distribution,
    Mechanism,
    Laterality,
    BodySite,
}
