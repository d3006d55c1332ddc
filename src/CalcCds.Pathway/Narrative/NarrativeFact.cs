namespace CalcCds.Pathway.Narrative;

/// <summary>
/// One descriptor read from report text, so a card can quote it and ask the clinician to verify it (Product decision 7).
/// </summary>
/// <param name="Attribute">The descriptor stated.</param>
/// <param name="System">System of the value coding: stc-* or SNOMED, as §3.2 binds that attribute.</param>
/// <param name="Code">The value code. For a <see cref="NarrativeAttribute.Size"/> fact it is the size basis.</param>
/// <param name="Sentence">The source sentence (whitespace collapsed).</param>
/// <param name="Negated">The text denies the descriptor ("no periosteal reaction"). For bone involvement the code of a
/// negated mention is already <c>none</c>, for an associated mass it is Absent.</param>
/// <param name="Uncertain">The text hedges ("possible", "cannot exclude").</param>
/// <param name="Value">Size in cm, for size facts.</param>
/// <param name="Unit">UCUM unit of <paramref name="Value"/> ("cm").</param>
public sealed record NarrativeFact(
    NarrativeAttribute Attribute,
    string System,
    string Code,
    string Sentence,
    bool Negated = false,
    bool Uncertain = false,
    decimal? Value = null,
    string? Unit = null);
