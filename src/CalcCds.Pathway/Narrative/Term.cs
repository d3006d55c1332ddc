namespace CalcCds.Pathway.Narrative;

/// <summary>
/// A lexicon entry: a phrase and the coded value it states. A null <see cref="Code"/> swallows the phrase (for
/// look-alikes such as "deep vein" or "mass effect"), because the longest phrase wins within an attribute.
/// </summary>
internal sealed record Term(TermPattern Pattern, NarrativeAttribute Attribute, string System, string? Code);

internal readonly record struct TermMatch(Term Term, int Start, int End);

internal static class TermMatcher
{
    /// <summary>
    /// Left to right, the longest phrase per attribute; attributes match independently, so "intramuscular" can be
    /// both a location and a depth.
    /// </summary>
    public static IEnumerable<TermMatch> Match(IReadOnlyList<Token> tokens, IEnumerable<IReadOnlyList<Term>> groups)
    {
        foreach (var group in groups)
        {
            var i = 0;
            while (i < tokens.Count)
            {
                var bestEnd = -1;
                Term? best = null;
                foreach (var term in group)
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
