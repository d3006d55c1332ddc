using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Labs;

/// <summary>The laboratory analytes of clinical-pathway.md §2.2 the pathway interprets.</summary>
public enum Analyte
{
    CalciumTotal,
    CalciumCorrected,
    CalciumIonized,
    Albumin,
    Phosphate,
    Pth,
    VitaminD25,
    Creatinine,
    Egfr,
    Esr,
    Crp,
}

/// <summary>
/// What the pathway knows about one analyte: its LOINC codes (§2.2), canonical unit (§7.1), the §2.2 fallback adult
/// reference interval (used only when the Observation has no referenceRange), and the LOINC to order it with (§2.5).
/// </summary>
public sealed record AnalyteInfo(
    Analyte Analyte,
    string Name,
    string CanonicalUnit,
    IReadOnlySet<string> MassCodes,
    IReadOnlySet<string> SubstanceCodes,
    decimal? FallbackLow,
    decimal? FallbackHigh,
    string OrderLoinc,
    string OrderDisplay)
{
    public bool Matches(string loinc) => MassCodes.Contains(loinc) || SubstanceCodes.Contains(loinc);

    /// <summary>Molar-to-mass factor for calcium (§7.1: mmol/L × 4.008 = mg/dL).</summary>
    public const decimal CalciumMmolToMgDl = 4.008m;

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.Ordinal);

    public static IReadOnlyList<AnalyteInfo> All { get; } =
    [
        // Fallback 8.5–10.2 mg/dL (§2.2 / §4.1).
        new(Analyte.CalciumTotal, "calcium (total)", "mg/dL",
            Set(LabLoinc.CalciumTotalMass, LabLoinc.CalciumBloodMass), Set(LabLoinc.CalciumTotalMoles), 8.5m, 10.2m,
            LabLoinc.CalciumTotalMass, "Calcium [Mass/volume] in Serum or Plasma"),
        new(Analyte.CalciumCorrected, "calcium (albumin-corrected, lab-reported)", "mg/dL",
            Set(LabLoinc.CalciumCorrectedMass), Set(LabLoinc.CalciumCorrectedMoles), 8.5m, 10.2m,
            LabLoinc.CalciumTotalMass, "Calcium [Mass/volume] in Serum or Plasma"),

        // Fallback 1.16–1.32 mmol/L, kept in the canonical mg/dL with the same factor as the values, so a value in
        // either unit gives the same decision.
        new(Analyte.CalciumIonized, "ionized calcium", "mg/dL",
            Set(LabLoinc.CalciumIonizedMass, LabLoinc.CalciumIonizedMassIse, LabLoinc.CalciumIonizedMassIseMgDl),
            Set(LabLoinc.CalciumIonizedMoles, LabLoinc.CalciumIonizedBloodMoles),
            1.16m * CalciumMmolToMgDl, 1.32m * CalciumMmolToMgDl,
            LabLoinc.CalciumIonizedMoles, "Calcium.ionized [Moles/volume] in Serum or Plasma"),
        new(Analyte.Albumin, "albumin", "g/dL", Set(LabLoinc.Albumin), Set(), 3.4m, 5.4m,
            LabLoinc.Albumin, "Albumin [Mass/volume] in Serum or Plasma"),
        new(Analyte.Phosphate, "phosphate", "mg/dL", Set(LabLoinc.PhosphateMass), Set(LabLoinc.PhosphateMoles), 2.5m, 4.5m,
            LabLoinc.PhosphateMass, "Phosphate [Mass/volume] in Serum or Plasma"),
        new(Analyte.Pth, "intact PTH", "pg/mL", Set(LabLoinc.PthIntactMass), Set(LabLoinc.PthIntactMoles), 10m, 65m,
            LabLoinc.PthIntactMass, "Parathyrin.intact [Mass/volume] in Serum or Plasma"),
        new(Analyte.VitaminD25, "25-OH vitamin D", "ng/mL", Set(LabLoinc.VitaminD25Total, LabLoinc.VitaminD25D3), Set(), null, null,
            LabLoinc.VitaminD25Total, "25-Hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma"),
        new(Analyte.Creatinine, "creatinine", "mg/dL", Set(LabLoinc.CreatinineMass, LabLoinc.CreatinineBloodMass), Set(LabLoinc.CreatinineMoles), null, null,
            LabLoinc.CreatinineMass, "Creatinine [Mass/volume] in Serum or Plasma"),
        new(Analyte.Egfr, "eGFR", "mL/min/{1.73_m2}",
            Set(LabLoinc.EgfrCkdEpi2021, LabLoinc.EgfrCkdEpi, LabLoinc.EgfrMdrd, LabLoinc.EgfrMdrdBlack, LabLoinc.EgfrMdrdNonBlack,
                LabLoinc.EgfrCkdEpiBlack, LabLoinc.EgfrCkdEpiNonBlack, LabLoinc.EgfrOther), Set(), null, null,
            LabLoinc.CreatinineMass, "Creatinine [Mass/volume] in Serum or Plasma"),
        new(Analyte.Esr, "ESR", "mm/h", Set(LabLoinc.EsrWestergren, LabLoinc.Esr), Set(), null, null,
            LabLoinc.EsrWestergren, "Erythrocyte sedimentation rate by Westergren method"),
        new(Analyte.Crp, "CRP", "mg/L", Set(LabLoinc.Crp), Set(), null, null,
            LabLoinc.Crp, "C reactive protein [Mass/volume] in Serum or Plasma"),
    ];

    public static AnalyteInfo Of(Analyte analyte) => All[(int)analyte];

    /// <summary>The analyte a LOINC code reports, or null for codes outside §2.2.</summary>
    public static AnalyteInfo? ForLoinc(string? loinc) => loinc is not null && ByLoinc.TryGetValue(loinc, out var info) ? info : null;

    // Asked once per lab coding on every request; built after All (static initializers run in order). The first
    // analyte listing a code keeps it, as a scan of All in order would. A plain dictionary, not a frozen one: most
    // codes have the same length (7), and the frozen dictionary chosen for such keys compared them one by one.
    private static readonly Dictionary<string, AnalyteInfo> ByLoinc = IndexByLoinc();

    private static Dictionary<string, AnalyteInfo> IndexByLoinc()
    {
        var index = new Dictionary<string, AnalyteInfo>(StringComparer.Ordinal);
        foreach (var info in All)
        {
            foreach (var code in info.MassCodes.Concat(info.SubstanceCodes))
            {
                index.TryAdd(code, info);
            }
        }

        return index;
    }
}
