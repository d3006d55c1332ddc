namespace CalcCds.Pathway.Labs;

/// <summary>KDIGO GFR categories (§2.2, §4.3); <see cref="G3"/> is stage 3 with a/b not stated, <see cref="Unstaged"/> CKD without a stage.</summary>
public enum CkdStage
{
    Unstaged,
    G1,
    G2,
    G3,
    G3a,
    G3b,
    G4,
    G5,
    G5D,
}

public static class CkdStages
{
    /// <summary>G3a–G5D, the stages §4.4 (c) counts as systemic (G3 with a/b unstated included).</summary>
    public static bool IsG3OrWorse(this CkdStage stage) => stage is CkdStage.G3 or CkdStage.G3a or CkdStage.G3b or CkdStage.G4 or CkdStage.G5 or CkdStage.G5D;

    /// <summary>G4–G5D: ionized calcium preferred (§4.1).</summary>
    public static bool IsG4OrWorse(this CkdStage stage) => stage is CkdStage.G4 or CkdStage.G5 or CkdStage.G5D;

    public static bool IsG5OrDialysis(this CkdStage stage) => stage is CkdStage.G5 or CkdStage.G5D;

    /// <summary>Severity order for choosing the most advanced of several recorded stages.</summary>
    public static int Rank(this CkdStage stage) => stage switch
    {
        CkdStage.Unstaged => 0,
        CkdStage.G1 => 1,
        CkdStage.G2 => 2,
        CkdStage.G3 or CkdStage.G3a => 3,
        CkdStage.G3b => 4,
        CkdStage.G4 => 5,
        CkdStage.G5 => 6,
        _ => 7,
    };

    /// <summary>The KDIGO category of an eGFR value; null when a comparator leaves it indeterminate.</summary>
    public static CkdStage? FromEgfr(LabValue egfr)
    {
        ArgumentNullException.ThrowIfNull(egfr);
        (decimal Limit, CkdStage Stage)[] bands = [(15m, CkdStage.G5), (30m, CkdStage.G4), (45m, CkdStage.G3b), (60m, CkdStage.G3a), (90m, CkdStage.G2)];
        foreach (var (limit, stage) in bands)
        {
            switch (egfr.IsBelow(limit))
            {
                case true:
                    return stage;
                case null:
                    return null;
            }
        }

        return CkdStage.G1;
    }

    /// <summary>The stage a CKD Condition code states (§2.3): SNOMED stage concepts and ICD-10-CM N18.x.</summary>
    public static CkdStage FromCode(string? system, string? code)
    {
        if (code is null)
        {
            return CkdStage.Unstaged;
        }

        if (system == Terminology.FhirSystems.Snomed)
        {
            return code switch
            {
                Clinical.LabConcepts.CkdStage1 => CkdStage.G1,
                Clinical.LabConcepts.CkdStage2 => CkdStage.G2,
                Clinical.LabConcepts.CkdStage3 => CkdStage.G3,
                Clinical.LabConcepts.CkdStage4 => CkdStage.G4,
                Clinical.LabConcepts.CkdStage5 or Clinical.LabConcepts.EndStageRenalDisease => CkdStage.G5,
                Clinical.LabConcepts.CkdStage5OnDialysis => CkdStage.G5D,
                _ => CkdStage.Unstaged,
            };
        }

        if (system == Terminology.FhirSystems.Icd10Cm)
        {
            return Clinical.ConceptSet.NormalizeIcd(code) switch
            {
                "N181" => CkdStage.G1,
                "N182" => CkdStage.G2,
                "N183" or "N1830" => CkdStage.G3,
                "N1831" => CkdStage.G3a,
                "N1832" => CkdStage.G3b,
                "N184" => CkdStage.G4,
                "N185" or "N186" => CkdStage.G5,
                _ => CkdStage.Unstaged,
            };
        }

        return CkdStage.Unstaged;
    }
}
