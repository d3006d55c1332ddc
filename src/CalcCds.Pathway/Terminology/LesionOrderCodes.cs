namespace CalcCds.Pathway.Terminology;

/// <summary>
/// Codes of the orders the lesion rules suggest and of the prior studies they look for (clinical-pathway.md §2.5).
/// Side-specific LOINC codes are used when the lesion's side is known (§7.6: otherwise the generic code).
/// </summary>
public static class LesionOrderCodes
{
    /// <summary>SNOMED 3457005 <i>Patient referral</i>: category of the sarcoma-centre referral.</summary>
    public const string ReferralCategory = "3457005";

    /// <summary>SNOMED 183545006 <i>Referral to orthopedic service</i>.</summary>
    public const string ReferralToOrthopedicService = "183545006";

    public static class Mri
    {
        public const string LowerLeg = "24821-1";
        public const string Right = "36076-8";
        public const string Left = "36075-0";
        public const string Bilateral = "42696-5";
        public const string LowerExtremity = "30692-8";
        public const string Thigh = "24702-3";
        public const string ThighWithoutAndWith = "24703-1";
        public const string CptWithoutAndWith = "73720";
        public static readonly IReadOnlySet<string> Loincs = new HashSet<string>(StringComparer.Ordinal) { LowerLeg, Right, Left, Bilateral, LowerExtremity, Thigh, ThighWithoutAndWith };
        public static readonly IReadOnlySet<string> Cpts = new HashSet<string>(StringComparer.Ordinal) { "73718", "73719", CptWithoutAndWith };
    }

    public static class Ultrasound
    {
        public const string LowerExtremity = "30709-0";
        public const string Right = "38051-9";
        public const string Left = "38040-2";
        public const string Extremity = "24693-4";
        public const string CptLimited = "76882";
        public static readonly IReadOnlySet<string> Loincs = new HashSet<string>(StringComparer.Ordinal) { LowerExtremity, Right, Left, Extremity };
        public static readonly IReadOnlySet<string> Cpts = new HashSet<string>(StringComparer.Ordinal) { CptLimited, "76881" };
    }

    public static class Ct
    {
        public const string LowerLeg = "36074-3";
        public const string LowerExtremityWithout = "30625-8";
        public const string CptWithout = "73700";
        public static readonly IReadOnlySet<string> Loincs = new HashSet<string>(StringComparer.Ordinal) { LowerLeg, LowerExtremityWithout, "30624-1", "35971-1", "35979-4", "35976-0" };
        public static readonly IReadOnlySet<string> Cpts = new HashSet<string>(StringComparer.Ordinal) { CptWithout, "73701", "73702" };
    }

    public static class Radiograph
    {
        public const string TibiaFibula = Loinc.XrTibiaFibula;
        public const string Cpt2Views = "73590";
    }

    /// <summary>DICOM modality codes of ImagingStudy (§2.1).</summary>
    public static class Modality
    {
        public const string Ultrasound = "US";
        public const string Ct = "CT";
        public const string Mri = "MR";
        public const string Radiograph = "DX";
        public const string ComputedRadiography = "CR";
    }

    /// <summary>Sarcoma of the lower limb (§4.7 KNOWN_SARCOMA_CARE): ICD-10-CM C49.2 (soft tissue) and C40.2/C40.3 (bone).</summary>
    public static readonly IReadOnlyList<string> LowerLimbSarcomaIcd = ["C49.2", "C40.2", "C40.3"];

    /// <summary>Lipoma (R22): ICD-10-CM D17 and SNOMED 93163002.</summary>
    public static readonly IReadOnlyList<string> LipomaIcd = ["D17"];

    public const string LipomaSnomed = "93163002";
}
