namespace CalcCds.Pathway.Narrative;

/// <summary>
/// A lexicon entry: a phrase and the coded value it states. A null <see cref="Code"/> swallows the phrase (for
/// look-alikes such as "deep vein" or "mass effect"), because the longest phrase wins within an attribute.
/// </summary>
internal sealed record Term(TermPattern Pattern, NarrativeAttribute Attribute, string System, string? Code);

internal readonly record struct TermMatch(Term Term, int Start, int End);

/// <summary>The terms of one attribute, indexed by first word so that each token tries only the terms it can start.</summary>
internal sealed class TermGroup
{
    private readonly Dictionary<string, List<Term>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<Term> _anyStart = [];

    public TermGroup(IEnumerable<Term> terms)
    {
        foreach (var term in terms)
        {
            if (term.Pattern.FirstWords is { } words)
            {
                foreach (var word in words)
                {
                    if (!_byFirstWord.TryGetValue(word, out var list))
                    {
                        _byFirstWord[word] = list = [];
                    }

                    list.Add(term);
                }
            }
            else
            {
                _anyStart.Add(term);
            }
        }
    }

    /// <summary>Terms that may match at a token, in lexicon order (on equal length the earlier term wins).</summary>
    public IEnumerable<Term> CandidatesFor(Token token) =>
        _byFirstWord.TryGetValue(token.Text, out var list) ? list.Concat(_anyStart) : _anyStart;
}

internal static class TermMatcher
{
    /// <summary>
    /// Left to right, the longest phrase per attribute; attributes match independently, so "intramuscular" can be
    /// both a location and a depth.
    /// </summary>
    public static IEnumerable<TermMatch> Match(IReadOnlyList<Token> tokens, IEnumerable<TermGroup> groups)
    {
        foreach (var group in groups)
        {
            var i = 0;
            while (i < tokens.Count)
            {
                var bestEnd = -1;
                Term? best = null;
                foreach (var term in group.CandidatesFor(tokens[i]))
                {
                    var end = term.Pattern.MatchAt(tokens, i);
                    if (end > bestEnd)
                    {
                        (bestEnd, best) = (end, term);
                    }
                }

                if (best is null || bestEnd <= i)
                {
                    i++;
                    continue;
                }

                if (best.Code is not null)
                {
                    yield return new TermMatch(best, i, bestEnd);
                }

                i = bestEnd;
            }
        }
    }
}
