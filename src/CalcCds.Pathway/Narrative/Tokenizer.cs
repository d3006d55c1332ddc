using System.Globalization;
using System.Text.RegularExpressions;

namespace CalcCds.Pathway.Narrative;

/// <summary>
/// Splits a sentence into tokens. Hyphens separate words ("soft-tissue" reads as "soft tissue", "ring-and-arc" as
/// "ring and arc"), so the lexicon needs one spelling; a hyphen between two numbers becomes a range token.
/// </summary>
internal static partial class Tokenizer
{
    public const string RangeMark = "-";

    public static IReadOnlyList<Token> Tokenize(string sentence)
    {
        var tokens = new List<Token>();
        foreach (Match m in TokenRegex().Matches(sentence))
        {
            if (m.Groups["word"].Success)
            {
                tokens.Add(new Token(m.Value.ToLowerInvariant().Replace('\u2019', '\''), TokenKind.Word));
            }
            else if (m.Groups["number"].Success)
            {
                tokens.Add(new Token(m.Value, TokenKind.Number, ParseNumber(m.Value)));
            }
            else if (m.Groups["range"].Success)
            {
                tokens.Add(new Token(RangeMark, TokenKind.Punctuation));
            }
            else
            {
                tokens.Add(new Token(m.Value == "\u00d7" ? "x" : m.Value, m.Value == "\u00d7" ? TokenKind.Word : TokenKind.Punctuation));
            }
        }

        return tokens;
    }

    /// <summary>
    /// "6.2" and "6,2" are decimals (European reports write a decimal comma); a comma followed by exactly three
    /// digits is a thousands separator ("1,500").
    /// </summary>
    private static decimal ParseNumber(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var normalised = comma >= 0 && text.Length - comma - 1 == 3
            ? text.Remove(comma, 1)
            : text.Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0m;
    }

    // Linear-time pieces only: no nested quantifiers, so hostile input cannot make matching explode.
    [GeneratedRegex(@"(?<word>\p{L}+(?:['\u2019]\p{L}+)?)|(?<number>\d{1,6}(?:[.,]\d{1,4})?)|(?<range>(?<=\d)\s?[-\u2013]\s?(?=\d))|[;:,?()\u00d7]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRegex();
}
