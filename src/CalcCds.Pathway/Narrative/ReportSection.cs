namespace CalcCds.Pathway.Narrative;

/// <summary>Where in the report a sentence stands; only reportable sections can assert the finding.</summary>
internal enum ReportSection
{
    /// <summary>Text before any heading (a bare conclusion usually has none).</summary>
    Body,
    Findings,
    Impression,

    /// <summary>Indication or clinical history: the question asked, not the answer ("? calcification").</summary>
    Indication,
    Comparison,
    Technique,
}

internal static class ReportSections
{
    public static bool IsReportable(this ReportSection section) =>
        section is ReportSection.Body or ReportSection.Findings or ReportSection.Impression;
}

internal sealed record ReportSentence(string Text, ReportSection Section);
