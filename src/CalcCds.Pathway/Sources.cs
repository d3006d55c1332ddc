namespace CalcCds.Pathway;

/// <summary>
/// The seed statements and guidelines cards cite (clinical-pathway.md §0.1). Quotes are verbatim from
/// ../shared/seeds/ (S0–S4), so a reviewer can find them.
/// </summary>
public static partial class Sources
{
    public const string S0EvaluatePattern = "S0: \"Evaluate calcification pattern\"";
    public const string S0Location = "S0: \"Location (intra-articular, periarticular, intra-tendinous, or within soft tissues)\"";
    public const string S0ClinicalHistory = "S0: \"Correlation with clinical history is essential (trauma, systemic disease, previous procedures)\"";
    public const string S3Correlation = "S3: \"correlation with visual inspection, patient history, and point tenderness is essential\"";
    public const string S3Pitfall = "S3: \"Failing to correlate radiographic findings with clinical history and examination\"";
}
