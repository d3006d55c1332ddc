namespace CalcCds.Pathway.Lesion;

/// <summary>A derived flag's value: true, false, or unknown because an input is missing (§7.6).</summary>
public enum FlagState
{
    False,
    True,
    Unknown,
}

/// <summary>
/// One red flag of §4.5 for one lesion, with the fact lines that set it (value, FHIR reference, date, and the report
/// sentence for text-derived facts: Product decision 10) or, when unknown, what is missing.
/// </summary>
public sealed record RedFlag(string Code, FlagState State, string Description, IReadOnlyList<string> Facts, bool FromText = false)
{
    public bool IsTrue => State == FlagState.True;

    public bool IsUnknown => State == FlagState.Unknown;

    public static RedFlag No(string code) => new(code, FlagState.False, string.Empty, []);

    public static RedFlag Missing(string code, string whatIsMissing) => new(code, FlagState.Unknown, whatIsMissing, []);
}

/// <summary>The codes of the §4.5 flags.</summary>
public static class RedFlagCodes
{
    public const string Size = "RF_SIZE";
    public const string Deep = "RF_DEEP";
    public const string RapidGrowth = "RF_RAPID_GROWTH";
    public const string Increasing = "RF_INCREASING";
    public const string Pain = "RF_PAIN";
    public const string Bone = "RF_BONE";
    public const string Matrix = "RF_MATRIX";
    public const string Recurrence = "RF_RECURRENCE";
}
