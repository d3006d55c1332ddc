namespace CalcCds.Pathway.Terminology;

/// <summary>The <c>riskClass</c> property of each <c>stc-pattern</c> concept (clinical-pathway.md §3.3); the rules read it.</summary>
public enum RiskClass
{
    BenignClassic,
    BenignVascular,
    Concerning,
    ConcerningHigh,
    Specific,
    Nonspecific,
}

/// <summary>
/// The §3.3 pattern table's <c>riskClass</c> column. An unknown or missing pattern is treated as non-specific (§7.6:
/// "Calcification pattern not reported; treated as non-specific.").
/// </summary>
public static class PatternRisk
{
    /// <summary>The CodeSystem property that carries the class in terminology/CodeSystem-stc-pattern.json.</summary>
    public const string PropertyCode = "riskClass";

    private static readonly Dictionary<string, RiskClass> Classes = new(StringComparer.Ordinal)
    {
        [StcCodes.Pattern.DiffuseIntralesional] = RiskClass.BenignClassic,
        [StcCodes.Pattern.Central] = RiskClass.BenignClassic,
        [StcCodes.Pattern.Laminated] = RiskClass.BenignClassic,
        [StcCodes.Pattern.Popcorn] = RiskClass.BenignClassic,
        [StcCodes.Pattern.Stippled] = RiskClass.Concerning,
        [StcCodes.Pattern.Eccentric] = RiskClass.Concerning,
        [StcCodes.Pattern.RingAndArc] = RiskClass.Concerning,
        [StcCodes.Pattern.AmorphousFluffyConfluent] = RiskClass.ConcerningHigh,
        [StcCodes.Pattern.Phlebolith] = RiskClass.BenignVascular,
        [StcCodes.Pattern.LinearArterial] = RiskClass.BenignVascular,
        [StcCodes.Pattern.PeripheralZonal] = RiskClass.Specific,
        [StcCodes.Pattern.RiceGrain] = RiskClass.Specific,
        [StcCodes.Pattern.Crescentic] = RiskClass.Specific,
        [StcCodes.Pattern.FineSpeckledDiffuse] = RiskClass.Specific,
        [StcCodes.Pattern.GlobularPeriarticular] = RiskClass.Specific,
        [StcCodes.Pattern.SheetLike] = RiskClass.Specific,
        [StcCodes.Pattern.PlaquePeripheralFusiform] = RiskClass.Specific,
        [StcCodes.Pattern.Chondrocalcinosis] = RiskClass.Specific,
        [StcCodes.Pattern.FocalDenseInjection] = RiskClass.Specific,
        [StcCodes.Pattern.AmorphousDystrophic] = RiskClass.Nonspecific,
        [StcCodes.Pattern.Nonspecific] = RiskClass.Nonspecific,
    };

    /// <summary>The whole §3.3 table, as published in the stc-pattern CodeSystem.</summary>
    public static IReadOnlyDictionary<string, RiskClass> Table => Classes;

    /// <summary>The published code of a class, e.g. <c>benign-classic</c>.</summary>
    public static string Code(RiskClass risk) => risk switch
    {
        RiskClass.BenignClassic => "benign-classic",
        RiskClass.BenignVascular => "benign-vascular",
        RiskClass.Concerning => "concerning",
        RiskClass.ConcerningHigh => "concerning-high",
        RiskClass.Specific => "specific",
        _ => "nonspecific",
    };

    /// <summary>The riskClass of a pattern code; codes outside the table are non-specific.</summary>
    public static RiskClass Of(string? pattern) =>
        pattern is not null && Classes.TryGetValue(pattern, out var risk) ? risk : RiskClass.Nonspecific;

    /// <summary>Human-readable pattern name for card text.</summary>
    public static string Display(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Replace('-', ' ');
    }
}
