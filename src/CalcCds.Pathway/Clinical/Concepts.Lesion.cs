using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Clinical;

/// <summary>The concept sets of the lesion area (§2.3, §4.7 KNOWN_SARCOMA_CARE, R22).</summary>
public static class LesionConcepts
{
    /// <summary>
    /// Sarcoma of the lower limb: ICD-10-CM C49.2- (soft tissue) and C40.2-/C40.3- (bone), as §4.7 names them. The
    /// SNOMED side is [U] in §2.3 (its codes are broader neoplasm concepts), so only 428281000 <i>Malignant neoplasm of
    /// bone</i> is not used either: it is not limited to the lower limb.
    /// </summary>
    public static ConceptSet LowerLimbSarcoma { get; } = new("sarcoma of the lower limb", [], LesionOrderCodes.LowerLimbSarcomaIcd);

    /// <summary>Lipoma (R22): SNOMED 93163002, ICD-10-CM D17.-.</summary>
    public static ConceptSet Lipoma { get; } = new("lipoma", [LesionOrderCodes.LipomaSnomed], LesionOrderCodes.LipomaIcd);
}
