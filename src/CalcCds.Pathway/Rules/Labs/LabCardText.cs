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
            detail.Append("**Index finding:** ").AppendLine(CardText.DescribeFinding(finding));
        }
    }

    /// <summary>Preliminary results are shown, labelled, but never used for the decision (§7.4).</summary>
    public static void AppendPreliminary(StringBuilder detail, LabHistory history)
    {
        var preliminary = Enum.GetValues<Analyte>().SelectMany(history.All).Where(r => r.IsPreliminary).ToList();
        if (preliminary.Count == 0)
        {
            return;
        }

        detail.AppendLine().AppendLine("**Preliminary results** (shown for information; not used until final):");
        foreach (var result in preliminary)
        {
            detail.Append("- ").AppendLine(result.Describe());
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

    public static void AppendLines(StringBuilder detail, string heading, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        detail.AppendLine().AppendLine(heading);
        foreach (var line in list)
        {
            detail.AppendLine(line);
        }
    }
}
