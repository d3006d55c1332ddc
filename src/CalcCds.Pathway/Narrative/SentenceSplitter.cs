using System.Text;
using System.Text.RegularExpressions;

namespace CalcCds.Pathway.Narrative;

/// <summary>
/// Splits a radiology report into sentences, tagging each with its section. Handles headings ("IMPRESSION:"),
/// bullets and numbered lists, hard-wrapped lines, abbreviations ("approx.") and decimals ("6.2 cm").
/// </summary>
internal static partial class SentenceSplitter
{
    // Words after which a full stop does not end the sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "approx", "apprx", "appx", "e.g", "i.e", "eg", "ie", "vs", "cf", "dr", "fig", "incl", "prox", "dist",
        "ant", "post", "lat", "med", "rt", "lt", "st", "mr", "mrs", "ms", "no", "nos", "ca", "est", "max", "min",
    };

    public static IReadOnlyList<ReportSentence> Split(string text)
    {
        var sentences = new List<ReportSentence>();
        var section = ReportSection.Body;
        var pending = new StringBuilder();

        void Flush()
        {
            section = SplitLogicalLine(pending.ToString(), section, sentences);
            pending.Clear();
        }

        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var bullet = BulletRegex().Match(line);
            var isBullet = bullet.Success;
            if (isBullet)
            {
                line = line[bullet.Length..];
            }

            var heading = HeadingRegex().Match(line);
            if (heading.Success)
            {
                Flush();
                section = SectionOf(heading.Groups["name"].Value);
                line = line[heading.Length..].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                isBullet = true;
            }

            // A hard-wrapped line continues the previous one when it starts in lower case (or with a number, as in
            // "measuring\n6.2 cm") and is not a list item.
            var continues = !isBullet && pending.Length > 0 && (char.IsLower(line[0]) || char.IsDigit(line[0]))
                && !EndsSentence(pending);
            if (!continues)
            {
                Flush();
            }
            else
            {
                pending.Append(' ');
            }

            pending.Append(line);
        }

        Flush();
        return sentences;
    }

    private static bool EndsSentence(StringBuilder text)
    {
        var last = text[^1];
        return last is '.' or '!' or '?' or ':';
    }

    /// <summary>Splits one logical line at sentence ends and at inline headings ("... calf. IMPRESSION: ...").</summary>
    private static ReportSection SplitLogicalLine(string line, ReportSection section, List<ReportSentence> sentences)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is not ('.' or '!' or '?') || !IsBoundary(line, start, i))
            {
                continue;
            }

            Add(line[start..(i + 1)], section, sentences);
            start = i + 1;

            // Matched in place (\G), not on a substring: a long line must not cost a copy per sentence.
            var heading = InlineHeadingRegex().Match(line, start);
            if (heading.Success)
            {
                section = SectionOf(heading.Groups["name"].Value);
                start = heading.Index + heading.Length;
                i = start - 1;
            }
        }

        Add(line[start..], section, sentences);
        return section;
    }

    private static bool IsBoundary(string line, int sentenceStart, int i)
    {
        // Followed by the end, or by whitespace and something that does not start in lower case.
        if (i + 1 < line.Length && !char.IsWhiteSpace(line[i + 1]))
        {
            return false;
        }

        var next = i + 1;
        while (next < line.Length && char.IsWhiteSpace(line[next]))
        {
            next++;
        }

        if (next < line.Length && char.IsLower(line[next]))
        {
            return false;
        }

        if (line[i] != '.')
        {
            // A leading "?" (a query such as "? calcification") is not the end of anything.
            for (var k = sentenceStart; k < i; k++)
            {
                if (!char.IsWhiteSpace(line[k]))
                {
                    return true;
                }
            }

            return false;
        }

        var wordStart = i;
        while (wordStart > 0 && (char.IsLetter(line[wordStart - 1]) || line[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = line[wordStart..i];
        var isInitial = word.Length == 1 && char.IsUpper(word[0]);
        return !Abbreviations.Contains(word) && !isInitial;
    }

    private static void Add(string text, ReportSection section, List<ReportSentence> sentences)
    {
        var collapsed = WhitespaceRegex().Replace(text, " ").Trim();
        if (collapsed.Any(char.IsLetterOrDigit))
        {
            sentences.Add(new ReportSentence(collapsed, section));
        }
    }

    private static ReportSection SectionOf(string heading)
    {
        var h = heading.ToLowerInvariant();
        return h switch
        {
            _ when h.StartsWith("impression", StringComparison.Ordinal) || h.StartsWith("conclusion", StringComparison.Ordinal)
                || h.StartsWith("opinion", StringComparison.Ordinal) || h.StartsWith("summary", StringComparison.Ordinal) => ReportSection.Impression,
            _ when h.StartsWith("finding", StringComparison.Ordinal) || h.StartsWith("report", StringComparison.Ordinal)
                || h.StartsWith("result", StringComparison.Ordinal) => ReportSection.Findings,
            _ when h.StartsWith("comparison", StringComparison.Ordinal) || h.StartsWith("prior", StringComparison.Ordinal) => ReportSection.Comparison,
            _ when h.StartsWith("technique", StringComparison.Ordinal) || h.StartsWith("procedure", StringComparison.Ordinal)
                || h.StartsWith("exam", StringComparison.Ordinal) || h.StartsWith("views", StringComparison.Ordinal) => ReportSection.Technique,
            _ => ReportSection.Indication,
        };
    }

    [GeneratedRegex(@"^(?:[-*\u2022\u00b7\u25aa]|\d{1,2}[.)]|[a-z][)])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"^(?<name>impressions?|conclusions?|opinion|summary|findings?|report|results?|comparisons?|prior studies|technique|procedure|exam(?:ination)?|views|indications?|clinical (?:history|information|indication|details|notes)|history|reason for (?:exam(?:ination)?|study|referral|request)|clinical question)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"\G\s*(?<name>impressions?|conclusions?|opinion|summary|findings?|report|results?|comparisons?|prior studies|technique|procedure|exam(?:ination)?|views|indications?|clinical (?:history|information|indication|details|notes)|history|reason for (?:exam(?:ination)?|study|referral|request)|clinical question)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineHeadingRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
