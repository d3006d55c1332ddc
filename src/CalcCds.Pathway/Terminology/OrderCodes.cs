namespace CalcCds.Pathway.Terminology;

/// <summary>
/// The order-hook code sets of clinical-pathway.md §2.5 and §5 "Order-entry rules": what a draft ServiceRequest is
/// (biopsy, excision, FNA, frozen section, MRI, radiograph, …) by any of its LOINC, CPT or SNOMED codings. SNOMED
/// biopsy/excision procedure codes are unverified in the pathway ([U]) and are not listed.
/// </summary>
public static class OrderCodes
{
    /// <summary>One order family: LOINC and CPT codes (CPT ranges expanded).</summary>
    public sealed record CodeSet(IReadOnlySet<string> Loincs, IReadOnlySet<string> Cpts, IReadOnlySet<string> Snomeds)
    {
        public static CodeSet Of(IEnumerable<string> loincs, IEnumerable<string> cpts, IEnumerable<string>? snomeds = null) => new(
            new HashSet<string>(loincs, StringComparer.Ordinal),
            new HashSet<string>(cpts, StringComparer.Ordinal),
            new HashSet<string>(snomeds ?? [], StringComparer.Ordinal));
    }

    /// <summary>Non-excisional biopsy: CPT 20206 (percutaneous needle, muscle), 27613/27614 (open, leg); the image-guided biopsy LOINCs of §2.5.</summary>
    public static readonly CodeSet Biopsy = CodeSet.Of(
        ["37917-2", "43564-4", "36768-0", "44109-7", "35896-0", "37214-4"],
        ["20206", "27613", "27614"]);

    /// <summary>Excisional biopsy / excision (§5 O02): 27618, 27632, 27619, 27634, 27615, 27616.</summary>
    public static readonly CodeSet Excision = CodeSet.Of([], ["27618", "27632", "27619", "27634", "27615", "27616"]);

    /// <summary>FNA (§5 O03): CPT 10005–10012 and 10021; LOINC 38135-0, 38136-8, 44105-5.</summary>
    public static readonly CodeSet Fna = CodeSet.Of(
        ["38135-0", "38136-8", "44105-5"],
        [.. Enumerable.Range(10005, 8).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)), "10021"]);

    /// <summary>Frozen section (§5 O04): CPT 88331/88332.</summary>
    public static readonly CodeSet FrozenSection = CodeSet.Of([], ["88331", "88332"]);

    /// <summary>MRI_LOWER_LIMB (§5 O05); joint MRI 73721–73723 does not count (§2.5).</summary>
    public static readonly CodeSet Mri = CodeSet.Of(
        [LesionOrderCodes.Mri.LowerLeg, LesionOrderCodes.Mri.Left, LesionOrderCodes.Mri.Right, LesionOrderCodes.Mri.Bilateral, LesionOrderCodes.Mri.LowerExtremity,
            "35978-6", "35980-2", LesionOrderCodes.Mri.Thigh, LesionOrderCodes.Mri.ThighWithoutAndWith],
        ["73718", "73719", "73720"]);

    /// <summary>XR_LOWER_LEG (§5 O06): LOINC 25011-8, 24686-8; CPT 73590/73592.</summary>
    public static readonly CodeSet Radiograph = CodeSet.Of([Loinc.XrTibiaFibula, Loinc.XrLowerExtremity], Cpt.LowerLimbRadiographs, ["168537006"]);

    public static readonly CodeSet Ultrasound = CodeSet.Of(LesionOrderCodes.Ultrasound.Loincs, LesionOrderCodes.Ultrasound.Cpts);

    public static readonly CodeSet Ct = CodeSet.Of(LesionOrderCodes.Ct.Loincs, LesionOrderCodes.Ct.Cpts);

    /// <summary>Duplex venous and arterial studies (§2.5).</summary>
    public static readonly CodeSet Vascular = CodeSet.Of(
        [Duplex.LowerExtremity, Duplex.Right, Duplex.Left, Duplex.Bilateral, "39434-6", "72830-3"],
        ["93970", "93971", "93922", "93923", "93925", "93926"]);

    /// <summary>Sarcoma-centre referral (§2.5): SNOMED 183545006 (+ stc-order#sarcoma-mdt-referral, matched separately).</summary>
    public static readonly CodeSet Referral = CodeSet.Of([], [], [LesionOrderCodes.ReferralToOrthopedicService, "306206005"]);

    /// <summary>Side-specific LOINCs of §2.5 (US, MRI, CT, venous duplex) and the side each one names.</summary>
    public static readonly IReadOnlyDictionary<string, string> SideOfLoinc = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LesionOrderCodes.Ultrasound.Right] = SnomedCodes.Laterality.Right,
        [LesionOrderCodes.Ultrasound.Left] = SnomedCodes.Laterality.Left,
        [LesionOrderCodes.Mri.Right] = SnomedCodes.Laterality.Right,
        [LesionOrderCodes.Mri.Left] = SnomedCodes.Laterality.Left,
        [LesionOrderCodes.Mri.Bilateral] = SnomedCodes.Laterality.Bilateral,
        ["35979-4"] = SnomedCodes.Laterality.Right,
        ["35976-0"] = SnomedCodes.Laterality.Left,
        [Duplex.Right] = SnomedCodes.Laterality.Right,
        [Duplex.Left] = SnomedCodes.Laterality.Left,
        [Duplex.Bilateral] = SnomedCodes.Laterality.Bilateral,
    };

    /// <summary>The largest needle gauge that still counts as a core needle (§5 O03: 14–16 G; 18 G and above is thinner).</summary>
    public const int ThinnestCoreGauge = 16;

    public static class Duplex
    {
        public const string LowerExtremity = "30881-7";
        public const string Right = "39443-7";
        public const string Left = "39432-0";
        public const string Bilateral = "39420-5";
    }

    /// <summary>
    /// Words in a draft's text that name what no code names: a local frozen-section orderable, a repeat radiograph in
    /// different or additional projections (§5 O06 note), and a reason "characterise the calcification" (§5 O06).
    /// Matched case-insensitively.
    /// </summary>
    public static class Words
    {
        public static readonly IReadOnlyList<string> FrozenSection = ["frozen section"];

        public static readonly IReadOnlyList<string> DifferentProjection = ["projection", "oblique", "angle", "tangential", "additional view", "different view"];

        public static readonly IReadOnlyList<string> Characterisation = ["characteri", "mineraliz", "mineralis", "ossification"];
    }
}
