using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Narrative;

public static class NarrativeAttributes
{
    /// <summary>The stc-attr component code for an attribute, or null where the attribute is not a component.</summary>
    public static string? ComponentCode(this NarrativeAttribute attribute) => attribute switch
    {
        NarrativeAttribute.Pattern => StcCodes.Attr.Pattern,
        NarrativeAttribute.Location => StcCodes.Attr.Location,
        NarrativeAttribute.Depth => StcCodes.Attr.Depth,
        NarrativeAttribute.Size => StcCodes.Attr.LesionMaxDimension,
        NarrativeAttribute.AssociatedMass => StcCodes.Attr.AssociatedMass,
        NarrativeAttribute.Change => StcCodes.Attr.Change,
        NarrativeAttribute.Growth => StcCodes.Attr.Growth,
        NarrativeAttribute.BoneInvolvement => StcCodes.Attr.BoneInvolvement,
        NarrativeAttribute.Matrix => StcCodes.Attr.Matrix,
        NarrativeAttribute.Distribution => StcCodes.Attr.Distribution,
        NarrativeAttribute.Mechanism => StcCodes.Attr.Mechanism,
        _ => null,
    };
}
