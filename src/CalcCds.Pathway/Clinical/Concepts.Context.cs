namespace CalcCds.Pathway.Clinical;

/// <summary>
/// The clinical-context concepts of clinical-pathway.md §2.3 that the context flags (§4.7) and rules R12–R24 read.
/// SNOMED lists stand for the ECL expansions (flat until a terminology server is configured); ICD-10-CM entries are
/// prefixes, so <c>S82</c> covers every fracture of the lower leg with any 7th character.
/// </summary>
public static class ContextConcepts
{
    /// <summary>Injury of the lower limb: the §2.3 "Trauma/injury, lower leg" row, its history codes included.</summary>
    public static readonly ConceptSet LowerLimbInjury = new(
        "injury of the lower limb",
        ["125602001", "7523003", "127279002", "414292006", "282026002"],
        [.. Range("S", 70, 89), "Z87.828", "Z87.81"]);

    /// <summary>Haematoma: §4.7 counts it toward TRAUMA_HX ("previous hematoma", S3).</summary>
    public static readonly ConceptSet Haematoma = new("haematoma", ["385494008"], ["S80.1", "M79.81"]);

    public static readonly ConceptSet CompartmentSyndrome = new(
        "compartment syndrome", ["111245009", "1337003008"], ["T79.A2", "M79.A2"]);

    /// <summary>Heterotopic-ossification risk: TBI, spinal cord injury, paralysis, paralytic calcification (§4.7 HO_RISK).</summary>
    public static readonly ConceptSet HeterotopicOssificationRisk = new(
        "head or spinal cord injury, or paralysis",
        ["127295002", "88611000119100", "29426003"],
        ["S06", "T90.5", "S14.1", "S24.1", "S34.1", "T91.3", "G82.2", "G82.5", "M61.2"]);

    /// <summary>Connective-tissue disease with calcinosis (§4.7 AUTOIMMUNE).</summary>
    public static readonly ConceptSet Autoimmune = new(
        "connective-tissue disease (dermatomyositis, systemic sclerosis/CREST, SLE) or calcinosis cutis",
        ["396230008", "89155008", "55464009"],
        ["M33", "M34", "M32", "L94.2"]);

    /// <summary>Chronic venous insufficiency: ICD only, the SNOMED concept is [U] in §2.3.</summary>
    public static readonly ConceptSet ChronicVenousInsufficiency = new(
        "chronic venous insufficiency", [], ["I87.2", "I87.0"]);

    /// <summary>Recorded signs of venous disease that R17 accepts instead of a CVI diagnosis: oedema, varices.</summary>
    public static readonly ConceptSet VenousDiseaseSigns = new(
        "oedema of the lower extremity or venous varices", ["102572006", "128060009"], []);

    /// <summary>Deep-vein thrombosis itself (<c>&lt;&lt; 128053003</c>); "history of DVT" is deliberately not in it.</summary>
    public static readonly ConceptSet DeepVeinThrombosis = new(
        "deep-vein thrombosis", ["128053003", "404223003"], ["I82.4", "I82.5"]);

    public static readonly ConceptSet Diabetes = new(
        "diabetes mellitus", ["73211009", "44054006", "46635009"], [.. Range("E", 8, 13)]);

    public static readonly ConceptSet PeripheralArterialDisease = new(
        "peripheral arterial disease", ["399957001", "400047006"], ["I70.2", "I73.9"]);

    /// <summary>CKD G3a or worse, from Conditions only (R15's "CKD ≥ G3a"); eGFR-based staging belongs to the labs area.</summary>
    public static readonly ConceptSet ChronicKidneyDiseaseStage3To5 = new(
        "chronic kidney disease stage 3 or worse",
        ["433144002", "700378005", "700379002", "431857002", "433146000", "714152005", "46177005"],
        ["N18.3", "N18.4", "N18.5", "N18.6", "Z99.2"]);

    /// <summary>ICD-10-CM category prefixes <c>S70</c>…<c>S89</c> style, zero-padded to two digits.</summary>
    private static IEnumerable<string> Range(string letter, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(n => letter + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
}
