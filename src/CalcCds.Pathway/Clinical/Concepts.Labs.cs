namespace CalcCds.Pathway.Clinical;

/// <summary>
/// The systemic and renal concepts of clinical-pathway.md §2.3 (CKD, ESRD/dialysis, AKI, hyperparathyroidism,
/// hypervitaminosis D, sarcoidosis, milk-alkali syndrome, hypercalcaemia). SNOMED sets stand for the ECL expansion;
/// only codes the table verified are listed ([U] codes are left out until looked up).
/// </summary>
public static class LabConcepts
{
    /// <summary>CKD stage SNOMED codes (§2.3): 1, 2, 3, 4, 5, 5 on dialysis.</summary>
    public const string CkdStage1 = "431855005";
    public const string CkdStage2 = "431856006";
    public const string CkdStage3 = "433144002";
    public const string CkdStage4 = "431857002";
    public const string CkdStage5 = "433146000";
    public const string CkdStage5OnDialysis = "714152005";
    public const string EndStageRenalDisease = "46177005";
    public const string DialysisDependence = "105502003";

    public static ConceptSet Ckd { get; } = new(
        "chronic kidney disease",
        ["709044004", CkdStage1, CkdStage2, CkdStage3, CkdStage4, CkdStage5, CkdStage5OnDialysis],
        ["N18"]);

    /// <summary>ESRD: 46177005, N18.6.</summary>
    public static ConceptSet EndStage { get; } = new("end-stage renal disease", [EndStageRenalDisease], ["N186"]);

    /// <summary>Dialysis dependence: 105502003, 714152005, Z99.2, Z49.- (encounter for dialysis).</summary>
    public static ConceptSet Dialysis { get; } = new("dependence on renal dialysis", [DialysisDependence, CkdStage5OnDialysis], ["Z992", "Z49"]);

    public static ConceptSet Aki { get; } = new("acute kidney injury", ["14669001", "42399005"], ["N17"]);

    /// <summary>&lt;&lt; 66999008 as expanded by the VSAC value set of §2.3; E21.0–E21.3, N25.81.</summary>
    public static ConceptSet Hyperparathyroidism { get; } = new(
        "hyperparathyroidism",
        ["66999008", "36348003", "91478007", "19034001", "78200003", "47445009"],
        ["E210", "E211", "E212", "E213", "N2581"]);

    /// <summary>SNOMED is [U] in §2.3; ICD-10-CM E67.3 only.</summary>
    public static ConceptSet HypervitaminosisD { get; } = new("hypervitaminosis D", [], ["E673"]);

    public static ConceptSet Sarcoidosis { get; } = new("sarcoidosis", ["31541009"], ["D86"]);

    /// <summary>Hypercalcaemia as a coded problem (E83.52); milk-alkali syndrome is indexed to it (§2.3, [U]).</summary>
    public static ConceptSet Hypercalcemia { get; } = new("hypercalcemia (incl. milk-alkali syndrome)", [], ["E8352"]);

    /// <summary>
    /// "SLE with renal disease" (§4.4 c) has no codes in §2.3: ICD-10-CM M32.14 (glomerular disease in SLE) and M32.15
    /// (tubulo-interstitial nephropathy in SLE) [K], to confirm in the code book.
    /// </summary>
    public static ConceptSet SleRenal { get; } = new("SLE with renal involvement", [], ["M3214", "M3215"]);

    /// <summary>
    /// Skin ulcer or necrosis of the leg for R25. §2.3 has no row for it: ICD-10-CM L97.- (non-pressure chronic ulcer
    /// of lower limb) and I96 (gangrene NEC) [K], to confirm in the code book.
    /// </summary>
    public static ConceptSet LegSkinUlcerOrNecrosis { get; } = new("skin ulcer or necrosis of the leg", [], ["L97", "I96"]);

    /// <summary>The §4.4 (c) systemic conditions, in card order.</summary>
    public static IReadOnlyList<ConceptSet> Systemic { get; } =
        [EndStage, Dialysis, Aki, Hyperparathyroidism, HypervitaminosisD, Sarcoidosis, Hypercalcemia, SleRenal];
}
