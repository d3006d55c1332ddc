using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CalcCds.Pathway.Options;

/// <summary>Laboratory, renal and systemic parameters (§4.1–§4.4, §7.1–§7.2, §8). Bound from <c>CalcCds:Pathway:Labs</c>.</summary>
public sealed class LabsOptions : IValidatableObject
{
    /// <summary><c>CAXP_HIGH</c>: Ca×P product (mg²/dL²) at or above which it supports systemic suspicion (KDOQI 2003 Guideline 6.5).</summary>
    [Range(typeof(decimal), "20", "200")]
    public decimal CaxpHigh { get; set; } = 55m;

    /// <summary><c>SEVERE_CA</c>: corrected total calcium (mg/dL) at or above which hypercalcaemia is severe (Product decision 3).</summary>
    [Range(typeof(decimal), "11", "20")]
    public decimal SevereCalciumMgDl { get; set; } = 14.0m;

    /// <summary>Ionized calcium (mmol/L) at or above which hypercalcaemia is severe (§4.1).</summary>
    [Range(typeof(decimal), "1.4", "4")]
    public decimal SevereIonizedCalciumMmolL { get; set; } = 2.5m;

    /// <summary><c>CKD5_CA_ACTION</c>: corrected calcium (mg/dL) above which R11 fires in CKD G5/G5D (KDOQI 2003 Guideline 6.3).</summary>
    [Range(typeof(decimal), "8", "14")]
    public decimal Ckd5CalciumActionMgDl { get; set; } = 10.2m;

    /// <summary><c>PTH_G5D_MULT</c>: PTH above this multiple of the assay ULN is very high in CKD G5D (KDIGO 2017).</summary>
    [Range(typeof(decimal), "2", "20")]
    public decimal PthG5dMultiple { get; set; } = 9m;

    /// <summary><c>VITD_TOXIC</c>: 25-OH vitamin D (ng/mL) above which it is toxic (Front Endocrinol 2018).</summary>
    [Range(typeof(decimal), "50", "500")]
    public decimal VitaminDToxicNgMl { get; set; } = 150m;

    /// <summary><c>IONIZED_PREFERRED_ALB</c>: albumin (g/dL) below which ionized calcium is preferred (§4.1).</summary>
    [Range(typeof(decimal), "1", "4")]
    public decimal IonizedPreferredAlbuminGdl { get; set; } = 3.0m;

    /// <summary>Largest gap (hours) between calcium and albumin for a computed correction, and between Ca and P for Ca×P (§4.1, §4.2).</summary>
    [Range(1, 72)]
    public int PairedSampleHours { get; set; } = 24;

    /// <summary>AKI onset window (days) for an AKI Condition to make <c>AKI_ACTIVE</c> (§4.3).</summary>
    [Range(1, 365)]
    public int AkiOnsetDays { get; set; } = 30;

    /// <summary>Creatinine rise (mg/dL) within <see cref="AkiCreatinineRiseHours"/> that makes <c>AKI_ACTIVE</c> (§4.3, design choice).</summary>
    [Range(typeof(decimal), "0.1", "5")]
    public decimal AkiCreatinineRiseMgDl { get; set; } = 0.3m;

    [Range(1, 168)]
    public int AkiCreatinineRiseHours { get; set; } = 48;

    /// <summary>How recent the later creatinine of such a rise must be for the AKI to count as active (design choice).</summary>
    [Range(1, 90)]
    public int AkiCreatinineLookbackDays { get; set; } = 7;

    /// <summary>KDIGO chronicity: days between two eGFR &lt; 60 for inferred CKD (§4.3).</summary>
    [Range(30, 365)]
    public int CkdChronicityDays { get; set; } = 90;

    /// <summary>"Recently resolved" systemic conditions still count for <c>SYSTEMIC_SUSPECT</c> (c) (§4.4: ≤ 1 y).</summary>
    [Range(0, 3650)]
    public int RecentlyResolvedDays { get; set; } = 365;

    /// <summary>Daily cholecalciferol/ergocalciferol dose (IU) from which it counts as high-dose (§4.4 d; design choice).</summary>
    [Range(1000, 1_000_000)]
    public int HighDoseVitaminDIu { get; set; } = 4000;

    /// <summary>A draft or active lab order of the same test this close (days) counts as "already ordered" (§7.7).</summary>
    [Range(0, 90)]
    public int AlreadyOrderedDays { get; set; } = 7;

    /// <summary>The lab recency table of §7.2 (days; hours for the acute mineral window).</summary>
    public RecencyWindowOptions Recency { get; init; } = new();

    /// <summary>The nested recency table is validated too (data annotations stop at the first level).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Recency, new ValidationContext(Recency), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult($"Recency: {r.ErrorMessage}", r.MemberNames.Select(m => $"Recency.{m}")));
    }

    /// <summary>One line per parameter in force, shown in discovery.</summary>
    public IEnumerable<string> Describe()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"CAXP_HIGH={CaxpHigh} mg2/dL2");
        yield return string.Create(CultureInfo.InvariantCulture, $"SEVERE_CA={SevereCalciumMgDl} mg/dL corrected or lab HH (iCa {SevereIonizedCalciumMmolL} mmol/L)");
        yield return string.Create(CultureInfo.InvariantCulture, $"CKD5_CA_ACTION={Ckd5CalciumActionMgDl} mg/dL");
        yield return string.Create(CultureInfo.InvariantCulture, $"PTH_G5D_MULT={PthG5dMultiple}x ULN");
        yield return string.Create(CultureInfo.InvariantCulture, $"VITD_TOXIC={VitaminDToxicNgMl} ng/mL");
        yield return string.Create(CultureInfo.InvariantCulture, $"IONIZED_PREFERRED_ALB={IonizedPreferredAlbuminGdl} g/dL");
        yield return string.Create(CultureInfo.InvariantCulture, $"paired samples within {PairedSampleHours} h");
        yield return string.Create(CultureInfo.InvariantCulture, $"AKI: Condition onset <= {AkiOnsetDays} d or creatinine rise >= {AkiCreatinineRiseMgDl} mg/dL in {AkiCreatinineRiseHours} h (last {AkiCreatinineLookbackDays} d)");
        yield return string.Create(CultureInfo.InvariantCulture, $"CKD inferred from 2 eGFR < 60 >= {CkdChronicityDays} d apart");
        yield return string.Create(CultureInfo.InvariantCulture, $"systemic conditions resolved <= {RecentlyResolvedDays} d count");
        yield return string.Create(CultureInfo.InvariantCulture, $"high-dose vitamin D >= {HighDoseVitaminDIu} IU/dose");
        yield return string.Create(CultureInfo.InvariantCulture, $"already-ordered window {AlreadyOrderedDays} d");
        yield return Recency.Describe();
    }
}

/// <summary>The recency windows of §7.2 by context (mineral = Ca/albumin/iCa/P/creatinine-eGFR).</summary>
public sealed class RecencyWindowOptions
{
    [Range(1, 3650)]
    public int MineralDays { get; set; } = 90;

    [Range(1, 3650)]
    public int PthDays { get; set; } = 180;

    [Range(1, 3650)]
    public int VitaminDDays { get; set; } = 365;

    [Range(1, 3650)]
    public int InflammatoryDays { get; set; } = 30;

    [Range(1, 3650)]
    public int Ckd3MineralDays { get; set; } = 182;

    [Range(1, 3650)]
    public int Ckd3PthDays { get; set; } = 365;

    [Range(1, 3650)]
    public int Ckd4MineralDays { get; set; } = 91;

    [Range(1, 3650)]
    public int Ckd4PthDays { get; set; } = 182;

    [Range(1, 3650)]
    public int Ckd5MineralDays { get; set; } = 30;

    [Range(1, 3650)]
    public int Ckd5PthDays { get; set; } = 91;

    [Range(1, 720)]
    public int AcuteMineralHours { get; set; } = 72;

    [Range(1, 3650)]
    public int AcutePthDays { get; set; } = 30;

    [Range(1, 3650)]
    public int AcuteInflammatoryDays { get; set; } = 7;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"lab recency (mineral/PTH/25-OH D/ESR-CRP): no CKD {MineralDays}/{PthDays}/{VitaminDDays}/{InflammatoryDays} d, CKD G3 {Ckd3MineralDays}/{Ckd3PthDays} d, G4 {Ckd4MineralDays}/{Ckd4PthDays} d, G5/G5D {Ckd5MineralDays}/{Ckd5PthDays} d, acute {AcuteMineralHours} h/{AcutePthDays} d/{AcuteInflammatoryDays} d");
}
