namespace CalcCds.Pathway.Terminology;

/// <summary>
/// Our code for the radiologist's coded impression "benign-appearing calcification", carried in
/// <c>DiagnosticReport.conclusionCode</c> (§2.1: "Optional coded impression"). §2.1 lists only "abnormal" and
/// "equivocal" impression codes and no verified standard code says "benign", so the concept lives in our own
/// <c>stc</c> CodeSystem (Product decision 1), next to the finding codes. R04 reads it (§5 R04 condition 1).
/// </summary>
public static class ImpressionCodes
{
    public const string System = StcCodes.Systems.Stc;

    public const string BenignAppearing = "benign-appearing-calcification";
}
