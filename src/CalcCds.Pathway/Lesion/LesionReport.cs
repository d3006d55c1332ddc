using CalcCds.Pathway.Picture;

namespace CalcCds.Pathway.Lesion;

/// <summary>One report (coded finding or report text) describing the lesion, with the modality it came from.</summary>
public sealed record LesionReport(IndexFinding Finding, ImagingModality Modality);

/// <summary>Two final reports of the same lesion that disagree on a red-flag-relevant descriptor (DQ2).</summary>
public sealed record DescriptorConflict(string Descriptor, string First, string Second);
