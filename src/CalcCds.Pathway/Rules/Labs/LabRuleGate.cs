using CalcCds.Pathway.Picture;

namespace CalcCds.Pathway.Rules.Labs;

/// <summary>When the patient-view lab rules may judge lab values at all.</summary>
internal static class LabRuleGate
{
    /// <summary>
    /// An index finding exists (§1.4) and the adult thresholds apply: §1.2 runs only R01/R02/O01 for age &lt; 18,
    /// "with no adult lab thresholds". An unknown age is treated as adult (the pathway's population, §1.1).
    /// </summary>
    public static bool Applies(PatientPicture picture) => picture.HasIndexFinding && picture.AgeYears is null or >= 18;
}
