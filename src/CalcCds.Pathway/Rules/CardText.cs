using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules;

/// <summary>Markdown building blocks shared by card details, so every card names its facts the same way.</summary>
public static class CardText
{
    /// <summary>Builders above this size are not kept for reuse, so one unusual card does not pin a large buffer.</summary>
    private const int MaxCachedCapacity = 16 * 1024;

    // Every rule that fires builds a detail of a few KB on every call. One builder is kept for reuse (taken by
    // NewDetail, given back by Finish), so a detail usually costs its final string rather than that plus the builder's
    // chunks. Taking it is an atomic swap: a request that finds it taken (another thread, or a detail built inside
    // another) simply gets a new builder.
    private static StringBuilder? spareDetail;

    /// <summary>An empty builder for a card detail; end with <see cref="Finish"/>.</summary>
    public static StringBuilder NewDetail() =>
        Interlocked.Exchange(ref spareDetail, null)?.Clear() ?? new StringBuilder(1024);

    /// <summary>The detail text; the builder goes back for reuse and must not be used after this.</summary>
    public static string Finish(StringBuilder detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var text = detail.ToString();
        if (detail.Capacity <= MaxCachedCapacity)
        {
            Volatile.Write(ref spareDetail, detail);
        }

        return text;
    }

    /// <summary>"soft-tissue calcification, right calf (DiagnosticReport/abc, 2026-10-30)".</summary>
    public static string DescribeFinding(IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        WriteFinding(ref text, finding);
        return text.ToStringAndClear();
    }

    private static void WriteFinding(ref DefaultInterpolatedStringHandler text, IndexFinding finding)
    {
        var side = finding.Laterality?.Value switch
        {
            null => null,
            Laterality.Right => "right ",
            Laterality.Left => "left ",
            Laterality.Bilateral => "bilateral ",
            { } other => other.ToString().ToLowerInvariant() + " ",
        };
        var site = LowerLimb.Display(finding.BodySite?.Value) ?? "lower limb";
        var status = finding.IsPreliminary ? ", preliminary" : string.Empty;
        text.AppendLiteral("soft-tissue calcification, ");
        text.AppendFormatted(side);
        text.AppendFormatted(site);
        text.AppendLiteral(" (");
        text.AppendFormatted(finding.Reference);
        text.AppendLiteral(", ");
        text.AppendFormatted(finding.Date ?? "date not recorded");
        text.AppendFormatted(status);
        text.AppendLiteral(")");
    }

    /// <summary>
    /// The detail line "**Index finding:** " + <see cref="DescribeFinding"/>, which most cards open with, appended
    /// without making a string of the description first.
    /// </summary>
    public static void AppendFindingLine(StringBuilder detail, IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(finding);
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        WriteFinding(ref text, finding);
        detail.Append("**Index finding:** ").Append(text.Text).AppendLine();
        text.Clear();
    }

    /// <summary>One fact line: value, where it came from, and the sentence for text-derived facts.</summary>
    public static string Fact<T>(string label, Fact<T> fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        // Red flags, renal evidence, systemic reasons and context flags write dozens of these per request: one
        // interpolation into a stack buffer, no intermediate strings for the value, origin and date parts.
        var line = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        line.AppendLiteral("- ");
        line.AppendFormatted(label);
        line.AppendLiteral(": ");
        switch (fact.Value)
        {
            case decimal d:
                line.AppendFormatted(d, "0.##");
                line.AppendLiteral(" cm");
                break;
            case bool b:
                line.AppendLiteral(b ? "yes" : "no");
                break;
            case Enum e:
                line.AppendFormatted(e.ToString().ToLowerInvariant());
                break;
            default:
                line.AppendFormatted(fact.Value?.ToString());
                break;
        }

        line.AppendLiteral(" (");
        if (fact.FromText)
        {
            line.AppendLiteral("read from report text of ");
        }

        line.AppendFormatted(fact.Reference);
        if (fact.Date is not null)
        {
            line.AppendLiteral(", ");
            line.AppendFormatted(fact.Date);
        }

        line.AppendLiteral(")");
        if (fact.Sentence is not null)
        {
            line.AppendLiteral(" — \"");
            line.AppendFormatted(Quote(fact.Sentence));
            line.AppendLiteral("\"");
        }

        return line.ToStringAndClear();
    }

    public static void AppendSources(StringBuilder detail, params string[] sources)
    {
        ArgumentNullException.ThrowIfNull(detail);
        detail.AppendLine().AppendLine("**Sources**");
        foreach (var source in sources)
        {
            detail.Append("- ").AppendLine(source);
        }
    }

    /// <summary>Report sentences are quoted on one line and bounded, so a long report cannot flood the card.</summary>
    public static string Quote(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var flat = string.Join(' ', sentence.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Replace('"', '\'');
        return flat.Length <= 240 ? flat : flat[..240] + "…";
    }
}
