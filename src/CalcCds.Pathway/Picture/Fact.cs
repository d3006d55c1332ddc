namespace CalcCds.Pathway.Picture;

/// <summary>How a fact reached the picture: a coded element, or words the service read in a report.</summary>
public enum FactOrigin
{
    Coded,
    ReportText,
}

/// <summary>
/// A value with its provenance: the FHIR resource it came from (<c>Observation/abc</c>), its clinical date, and for
/// text-derived facts the sentence it was read from. Cards list facts like this (Product decision 10).
/// </summary>
public sealed record Fact<T>(T Value, FactOrigin Origin, string Reference, string? Date, string? Sentence = null)
{
    public bool FromText => Origin == FactOrigin.ReportText;
}

/// <summary>Presence of an associated mass, as §3.2 codes it (SNOMED Present / Absent / Indeterminate).</summary>
public enum Presence
{
    Present,
    Absent,
    Indeterminate,
}

public enum Laterality
{
    Right,
    Left,
    Bilateral,
}
