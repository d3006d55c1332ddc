namespace CalcCds.Pathway.Narrative;

/// <summary>What a report text says about the index finding (soft-tissue calcification or ossification).</summary>
public enum FindingStatus
{
    /// <summary>No calcification or ossification words in the reportable sections.</summary>
    NotMentioned,

    /// <summary>Every mention is negated ("no soft tissue calcification", "... has resolved").</summary>
    Negated,

    /// <summary>Hedged ("cannot exclude calcification"); callers treat it as present but say it is uncertain.</summary>
    Uncertain,

    /// <summary>At least one affirmed mention.</summary>
    Present,
}
