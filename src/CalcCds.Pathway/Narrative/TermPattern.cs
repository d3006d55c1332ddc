namespace CalcCds.Pathway.Narrative;

/// <summary>
/// A phrase over tokens, written as space-separated elements. An element lists alternatives with '|'; an
/// alternative ending in '*' matches by prefix; an element starting with '~' is optional.
/// Example: <c>"no|without ~associated|discrete ~soft tissue mass|masses"</c>.
/// </summary>
internal sealed class TermPattern
{
    private readonly Element[] _elements;

    public TermPattern(string pattern)
    {
        Text = pattern;
        _elements = [.. pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Element.Parse)];
    }

    public string Text { get; }

    /// <summary>The words a match can start with, or null when the start is optional or matched by prefix.</summary>
    public IReadOnlySet<string>? FirstWords =>
        _elements is [{ Optional: false, Prefixes.Length: 0 } first, ..] ? first.Exact : null;

    /// <summary>The end (exclusive) of the longest match starting at <paramref name="start"/>, or -1.</summary>
    public int MatchAt(IReadOnlyList<Token> tokens, int start) => Match(tokens, start, 0);

    private int Match(IReadOnlyList<Token> tokens, int position, int element)
    {
        if (element == _elements.Length)
        {
            return position;
        }

        var e = _elements[element];
        var taken = position < tokens.Count && e.Accepts(tokens[position])
            ? Match(tokens, position + 1, element + 1)
            : -1;
        if (!e.Optional)
        {
            return taken;
        }

        var skipped = Match(tokens, position, element + 1);
        return Math.Max(taken, skipped);
    }

    private sealed record Element(HashSet<string> Exact, string[] Prefixes, bool Optional)
    {
        public static Element Parse(string text)
        {
            var optional = text.StartsWith('~');
            var alternatives = (optional ? text[1..] : text).Split('|');
            return new Element(
                new HashSet<string>(alternatives.Where(a => !a.EndsWith('*')), StringComparer.Ordinal),
                [.. alternatives.Where(a => a.EndsWith('*')).Select(a => a[..^1])],
                optional);
        }

        public bool Accepts(Token token)
        {
            if (Exact.Contains(token.Text))
            {
                return true;
            }

            foreach (var prefix in Prefixes)
            {
                if (token.IsWord && token.Text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
