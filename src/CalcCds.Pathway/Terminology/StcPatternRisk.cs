namespace CalcCds.Pathway.Terminology;

/// <summary>
/// The <c>riskClass</c> property of each <c>stc-pattern</c> concept (clinical-pathway.md §3.3). The published
/// CodeSystem (terminology/CodeSystem-stc-pattern.json) carries the same values; a test keeps the two in step.
/// </summary>
public static class StcPatternRisk
{
    /// <summary>The name of the CodeSystem property.</summary>
    public const string PropertyCode = "riskClass";

    public const string BenignClassic = "benign-classic";
    public const string BenignVascular = "benign-vascular";
    public const string Concerning = "concerning";
    public const string ConcerningHigh = "concerning-high";
    public const string Specific = "specific";
    public const string Nonspecific = "nonspecific";

    /// <summary>Pattern code → riskClass.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByPattern = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [StcCodes.Pattern.DiffuseIntralesional] = BenignClassic,
        [StcCodes.Pattern.Central] = BenignClassic,
        [StcCodes.Pattern.Laminated] = BenignClassic,
        [StcCodes.Pattern.Popcorn] = BenignClassic,
        [StcCodes.Pattern.Stippled] = Concerning,
        [StcCodes.Pattern.Eccentric] = Concerning,
        [StcCodes.Pattern.PeripheralZonal] = Specific,
        [StcCodes.Pattern.Phlebolith] = BenignVascular,
        [StcCodes.Pattern.LinearArterial] = BenignVascular,
        [StcCodes.Pattern.RiceGrain] = Specific,
        [StcCodes.Pattern.Crescentic] = Specific,
        [StcCodes.Pattern.FineSpeckledDiffuse] = Specific,
        [StcCodes.Pattern.GlobularPeriarticular] = Specific,
        [StcCodes.Pattern.AmorphousFluffyConfluent] = ConcerningHigh,
        [StcCodes.Pattern.SheetLike] = Specific,
        [StcCodes.Pattern.PlaquePeripheralFusiform] = Specific,
        [StcCodes.Pattern.AmorphousDystrophic] = Nonspecific,
        [StcCodes.Pattern.Chondrocalcinosis] = Specific,
        [StcCodes.Pattern.FocalDenseInjection] = Specific,
        [StcCodes.Pattern.RingAndArc] = Concerning,
        [StcCodes.Pattern.Nonspecific] = Nonspecific,
    };

    /// <summary>The riskClass of a pattern; an unknown or missing pattern is treated as non-specific (§7.6).</summary>
    public static string Of(string? pattern) =>
        pattern is not null && ByPattern.TryGetValue(pattern, out var risk) ? risk : Nonspecific;
}
