namespace CalcCds.Pathway.Rules.Docs;

/// <summary>
/// The reader-facing description of one rule, from which docs/rules.md is generated (<see cref="RuleTable"/>). It sits
/// on the rule class, next to the code it describes, so a change to a rule and to its documentation is one diff; the
/// doc test fails for a rule that has none. Sources are the same <see cref="Pathway.Sources"/> constants the card cites.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RuleDocAttribute(string fires, string indicators, string orders, params string[] sources) : Attribute
{
    /// <summary>One line: what makes the rule fire.</summary>
    public string Fires { get; } = fires;

    /// <summary>The indicator(s) the card can carry, and when.</summary>
    public string Indicators { get; } = indicators;

    /// <summary>The suggested orders or actions, or "—".</summary>
    public string Orders { get; } = orders;

    /// <summary>The seed and guideline statements the card cites (<see cref="Pathway.Sources"/> constants).</summary>
    public IReadOnlyList<string> Sources { get; } = sources;
}
