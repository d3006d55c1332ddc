using System.Collections.Frozen;

namespace CalcCds.Pathway.Labs;

/// <summary>
/// Converts lab values to the canonical unit of their analyte (clinical-pathway.md §7.1). A unit that is not a known
/// UCUM code for that analyte, nor on the small text allow-list, converts to nothing: the value is then treated as
/// missing and never compared.
/// </summary>
public static class UnitConversion
{
    /// <summary>The §7.1 allow-list for <c>valueQuantity.unit</c> text when no UCUM code is given (case-insensitive),
    /// mapped to the UCUM code it stands for.</summary>
    private static readonly FrozenDictionary<string, string> TextAllowList = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["mg/dl"] = "mg/dL",
        ["mmol/l"] = "mmol/L",
        ["g/dl"] = "g/dL",
        ["g/l"] = "g/L",
        ["pg/ml"] = "pg/mL",
        ["ng/l"] = "ng/L",
        ["pmol/l"] = "pmol/L",
        ["ng/ml"] = "ng/mL",
        ["nmol/l"] = "nmol/L",
        ["umol/l"] = "umol/L",
        ["µmol/l"] = "umol/L",
        ["mg/l"] = "mg/L",
        ["mm/hr"] = "mm/h",
        ["mm/h"] = "mm/h",
        ["ml/min/1.73m2"] = "mL/min/{1.73_m2}",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Factor from each accepted UCUM code to the canonical unit, per analyte (§7.1).</summary>
    private static readonly FrozenDictionary<Analyte, FrozenDictionary<string, decimal>> Factors = new Dictionary<Analyte, FrozenDictionary<string, decimal>>
    {
        [Analyte.CalciumTotal] = Calcium(),
        [Analyte.CalciumCorrected] = Calcium(),
        [Analyte.CalciumIonized] = Calcium(),
        [Analyte.Albumin] = Map(("g/dL", 1m), ("g/L", 0.1m)),
        [Analyte.Phosphate] = Map(("mg/dL", 1m), ("mmol/L", 3.097m)),
        [Analyte.Pth] = Map(("pg/mL", 1m), ("ng/L", 1m), ("pmol/L", 9.43m)),
        [Analyte.VitaminD25] = Map(("ng/mL", 1m), ("ug/L", 1m), ("nmol/L", 0.4006m)),
        [Analyte.Creatinine] = Map(("mg/dL", 1m), ("umol/L", 1m / 88.42m)),
        [Analyte.Egfr] = Map(("mL/min/{1.73_m2}", 1m)),
        [Analyte.Esr] = Map(("mm/h", 1m)),
        [Analyte.Crp] = Map(("mg/L", 1m), ("mg/dL", 10m)),
    }.ToFrozenDictionary();

    /// <summary>The factor to the canonical unit, or null when the unit is unknown for the analyte.</summary>
    /// <param name="analyte">The analyte, whose canonical unit is the target.</param>
    /// <param name="ucumCode">valueQuantity.code when valueQuantity.system is UCUM, else null.</param>
    /// <param name="unitText">valueQuantity.unit.</param>
    public static decimal? FactorToCanonical(Analyte analyte, string? ucumCode, string? unitText) =>
        FactorOf(analyte, Resolve(ucumCode, unitText));

    /// <summary>The factor to the canonical unit for a unit already <see cref="Resolve"/>d, or null when unknown.</summary>
    public static decimal? FactorOf(Analyte analyte, string? resolvedCode) =>
        resolvedCode is not null && Factors[analyte].TryGetValue(resolvedCode, out var factor) ? factor : null;

    /// <summary>The UCUM code a quantity's unit stands for: the UCUM code (case-sensitive, as UCUM is), or the text
    /// allow-list when only unit text is present.</summary>
    public static string? Resolve(string? ucumCode, string? unitText)
    {
        if (!string.IsNullOrWhiteSpace(ucumCode))
        {
            return ucumCode.Trim();
        }

        return unitText is not null && TextAllowList.TryGetValue(unitText.Trim(), out var mapped) ? mapped : null;
    }

    /// <summary>Calcium: mmol/L × 4.008 = mg/dL; mEq/L = mmol/L × 2 (§7.1).</summary>
    private static FrozenDictionary<string, decimal> Calcium() =>
        Map(("mg/dL", 1m), ("mmol/L", AnalyteInfo.CalciumMmolToMgDl), ("meq/L", AnalyteInfo.CalciumMmolToMgDl / 2m));

    private static FrozenDictionary<string, decimal> Map(params (string Unit, decimal Factor)[] entries) =>
        entries.ToFrozenDictionary(e => e.Unit, e => e.Factor, StringComparer.Ordinal);
}
