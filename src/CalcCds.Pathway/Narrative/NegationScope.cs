namespace CalcCds.Pathway.Narrative;

/// <summary>
/// NegEx-style assertion of a phrase within its sentence. Triggers before the phrase ("no", "without",
/// "negative for", "cannot exclude") or after it ("is not seen", "has resolved", "cannot be excluded") apply only
/// within a short window and never across a clause break ("but", "however", ";", "there is"). Pseudo-triggers
/// ("no change in", "no interval increase") are not negations and also end the scope of an earlier trigger.
/// Known limit: a comma does not break the scope, because reports list negated findings with commas
/// ("no fracture, dislocation or calcification"); "No fracture, calcification in the calf" therefore reads as negated.
/// </summary>
internal sealed class NegationScope
{
    private const int PreWindow = 6;
    private const int PostWindow = 5;

    private static readonly (TermPattern Pattern, TriggerKind Kind, int Window)[] Triggers =
    [
        .. Make(TriggerKind.Pseudo, 0,
            "no|without|not ~significant|significantly|appreciable|definite|substantial|major|interval|further ~interval change|changes|changed",
            "no|without|not ~significant|significantly|appreciable|definite|interval ~interval increase|increased|enlargement|enlarged|growth|progression|progressed",
            "not only", "no further"),
        .. Make(TriggerKind.PreUncertain, PreWindow,
            "cannot|can't exclude|rule", "can not exclude|rule", "possible|possibly|questionable|equivocal|suspected|query",
            "question of", "may|might|could represent|reflect|be|indicate", "suspicious|concerning for", "suspicion of"),
        .. Make(TriggerKind.PreUncertain, 4, "?"),
        .. Make(TriggerKind.PostUncertain, PostWindow,
            "cannot|can't ~be excluded|ruled", "can not ~be excluded|ruled", "not ~be|been excluded", "is|are questioned|possible"),
        .. Make(TriggerKind.PostNegation, PostWindow,
            "not ~been seen|identified|visualized|visualised|demonstrated|present|appreciated|evident|visible|detected|apparent|noted",
            "no longer ~seen|visible|present|evident|identified|apparent|noted", "~has|have|had resolved", "absent",
            "has|have disappeared"),
        .. Make(TriggerKind.PreNegation, PreWindow,
            "no|not|without|neither|nor|never", "absence|lack of", "negative for", "free of", "rather than",
            "no ~radiographic|radiological|imaging|definite evidence|sign|signs|findings of", "resolution of", "no longer"),
        .. Make(TriggerKind.PreNegation, 0, "non"),
        .. Make(TriggerKind.Terminator, 0,
            ";", ":", "but|however|although|though|yet|except|whereas|while|which|otherwise", "apart|aside from",
            "there is|are|was|were|has|have"),
    ];

    private readonly IReadOnlyList<Token> _tokens;
    private readonly List<(int Start, int End, TriggerKind Kind, int Window)> _found = [];

    public NegationScope(IReadOnlyList<Token> tokens)
    {
        _tokens = tokens;
        var i = 0;
        while (i < tokens.Count)
        {
            var best = (End: -1, Kind: TriggerKind.Terminator, Window: 0);
            foreach (var (pattern, kind, window) in Triggers)
            {
                var end = pattern.MatchAt(tokens, i);
                if (end > best.End)
                {
                    best = (end, kind, window);
                }
            }

            if (best.End > i)
            {
                _found.Add((i, best.End, best.Kind, best.Window));
                i = best.End;
            }
            else
            {
                i++;
            }
        }
    }

    private enum TriggerKind
    {
        Pseudo,
        PreNegation,
        PreUncertain,
        PostNegation,
        PostUncertain,
        Terminator,
    }

    /// <summary>The assertion of the phrase spanning tokens [start, end).</summary>
    public Assertion Classify(int start, int end)
    {
        // Triggers are sorted and do not overlap, so the neighbours of the phrase are found by binary search.
        (Assertion Assertion, int Distance)? before = null;
        var k = LastEndingBy(start);
        if (k >= 0 && _found[k] is { Kind: TriggerKind.PreNegation or TriggerKind.PreUncertain } pre)
        {
            var distance = WordsBetween(pre.End, start);
            if (distance <= pre.Window)
            {
                before = (pre.Kind == TriggerKind.PreNegation ? Assertion.Negated : Assertion.Uncertain, distance);
            }
        }

        (Assertion Assertion, int Distance)? after = null;
        k = FirstStartingAt(end);
        if (k < _found.Count && _found[k] is { Kind: TriggerKind.PostNegation or TriggerKind.PostUncertain } post)
        {
            var distance = WordsBetween(end, post.Start);
            if (distance <= post.Window)
            {
                after = (post.Kind == TriggerKind.PostNegation ? Assertion.Negated : Assertion.Uncertain, distance);
            }
        }

        return (before, after) switch
        {
            (null, null) => Assertion.Affirmed,
            (not null, null) => before.Value.Assertion,
            (null, not null) => after.Value.Assertion,
            _ => before!.Value.Distance <= after!.Value.Distance ? before.Value.Assertion : after.Value.Assertion,
        };
    }

    /// <summary>Index of the last trigger ending at or before <paramref name="position"/>, or -1.</summary>
    private int LastEndingBy(int position)
    {
        int lo = 0, hi = _found.Count - 1, result = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_found[mid].End <= position)
            {
                result = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return result;
    }

    /// <summary>Index of the first trigger starting at or after <paramref name="position"/> (Count when none).</summary>
    private int FirstStartingAt(int position)
    {
        int lo = 0, hi = _found.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_found[mid].Start >= position)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private int WordsBetween(int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (_tokens[i].Kind != TokenKind.Punctuation)
            {
                count++;
            }
        }

        return count;
    }

    private static IEnumerable<(TermPattern, TriggerKind, int)> Make(TriggerKind kind, int window, params string[] patterns) =>
        patterns.Select(p => (new TermPattern(p), kind, window));
}
