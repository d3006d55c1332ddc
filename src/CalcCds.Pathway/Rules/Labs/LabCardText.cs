using System.Text;
using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Picture;

namespace CalcCds.Pathway.Rules.Labs;

/// <summary>Detail sections shared by the lab rules: index finding, preliminary results, data-quality notes.</summary>
internal static class LabCardText
{
    public static void AppendFindings(StringBuilder detail, PatientPicture picture)
    {
        foreach (var finding in picture.IndexFindings)
        {
            CardText.AppendFindingLine(detail, finding);
        }
    }

    private static readonly Analyte[] Analytes = Enum.GetValues<Analyte>();

    /// <summary>Preliminary results are shown, labelled, but never used for the decision (§7.4).</summary>
    public static void AppendPreliminary(StringBuilder detail, LabHistory history)
    {
        // Every lab card calls this; most histories have no preliminary result, so nothing is allocated then.
        var any = false;
        foreach (var analyte in Analytes)
        {
            var results = history.All(analyte);
            for (var i = 0; i < results.Count; i++)
            {
                if (!results[i].IsPreliminary)
                {
                    continue;
                }

                if (!any)
                {
                    detail.AppendLine().AppendLine("**Preliminary results** (shown for information; not used until final):");
                    any = true;
                }

                results[i].AppendDescription(detail.Append("- "));
                detail.AppendLine();
            }
        }
    }

    /// <summary>Unknown units, text values, LOINC/unit clashes: the values were not compared (§7.1).</summary>
    public static void AppendDataQuality(StringBuilder detail, LabHistory history)
    {
        if (history.DataQualityNotes.Count == 0)
        {
            return;
        }

        detail.AppendLine().AppendLine("**Lab data quality:**");
        foreach (var note in history.DataQualityNotes)
        {
            detail.Append("- ").AppendLine(note);
        }
    }

    /// <summary>A section of lines written as given (already "- "-prefixed), under its heading when there is one.</summary>
    public static void AppendLines(StringBuilder detail, string heading, IEnumerable<string> lines) =>
        AppendSection(detail, heading, lines, prefix: null);

    /// <summary>A section of list items, each written "- " + item, under its heading when there is one.</summary>
    public static void AppendItems(StringBuilder detail, string heading, IEnumerable<string> items) =>
        AppendSection(detail, heading, items, prefix: "- ");

    /// <summary>A section listing lab results as <see cref="LabResult.Describe"/> does, under its heading when there is one.</summary>
    public static void AppendResults(StringBuilder detail, string heading, IReadOnlyList<LabResult> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            if (i == 0)
            {
                detail.AppendLine().AppendLine(heading);
            }

            results[i].AppendDescription(detail.Append("- "));
            detail.AppendLine();
        }
    }

    /// <summary>A section listing missing tests as <see cref="MissingLab.Describe"/> does, under its heading when there is one.</summary>
    public static void AppendMissing(StringBuilder detail, string heading, IReadOnlyList<MissingLab> missing)
    {
        for (var i = 0; i < missing.Count; i++)
        {
            if (i == 0)
            {
                detail.AppendLine().AppendLine(heading);
            }

            missing[i].AppendDescription(detail);
            detail.AppendLine();
        }
    }

    private static void AppendSection(StringBuilder detail, string heading, IEnumerable<string> lines, string? prefix)
    {
        // The heading only when there is a line; lines are written as they come, without a list.
        var first = true;
        foreach (var line in lines)
        {
            if (first)
            {
                detail.AppendLine().AppendLine(heading);
                first = false;
            }

            detail.Append(prefix).AppendLine(line);
        }
    }
}
