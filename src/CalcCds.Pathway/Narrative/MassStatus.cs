namespace CalcCds.Pathway.Narrative;

/// <summary>Associated soft-tissue mass as read from text (values of stc-attr#associated-mass).</summary>
public enum MassStatus
{
    Unknown,
    Present,
    Absent,

    /// <summary>Hedged ("cannot exclude an underlying mass"); red-flag status cannot be excluded.</summary>
    Indeterminate,
}
