namespace CalcCds.Pathway.Labs;

/// <summary>Which calcium value the pathway used (§7.3.2 hierarchy).</summary>
public enum CalciumMeasure
{
    Ionized,
    LabCorrected,
    ComputedCorrected,
    Uncorrected,
}

/// <summary>
/// The calcium value the rules judge (clinical-pathway.md §4.1, §7.3.2), in mg/dL, with how it was obtained and the
/// results it rests on. <see cref="Uln"/> is the upper reference limit of the measured analyte (lab range or §2.2 fallback).
/// </summary>
public sealed record CalciumStatus
{
    public required CalciumMeasure Measure { get; init; }

    /// <summary>Canonical mg/dL (ionized calcium too, with the same factor as its limits).</summary>
    public required LabValue Value { get; init; }

    public required LabResult Calcium { get; init; }

    /// <summary>The albumin used for a computed correction, or the latest albumin when none could be paired.</summary>
    public LabResult? Albumin { get; init; }

    public decimal? Uln { get; init; }

    /// <summary><c>HYPERCALCEMIA</c>; null when a comparator or a missing limit leaves it indeterminate.</summary>
    public bool? High { get; init; }

    /// <summary><c>HYPERCALCEMIA_SEVERE</c> (Product decision 3).</summary>
    public bool Severe { get; init; }

    /// <summary>The calcium (and albumin, when paired) are recent for the context (§7.2).</summary>
    public bool Recent { get; init; }

    public string Method => Measure switch
    {
        CalciumMeasure.Ionized => "ionized calcium",
        CalciumMeasure.LabCorrected => "albumin-corrected calcium reported by the lab",
        CalciumMeasure.ComputedCorrected => "corrected calcium computed as Ca + 0.8 × (4.0 − albumin g/dL), albumin drawn within 24 h (no downward correction at albumin ≥ 4.0)",
        _ => "uncorrected total calcium: calcium not albumin-corrected",
    };

    public string Describe()
    {
        var value = $"{Value} mg/dL";
        var lines = $"- Calcium used: {value}, {Method}; from {Calcium.Describe()}";
        return Albumin is null || Measure == CalciumMeasure.Ionized ? lines : $"{lines}; albumin {Albumin.Describe()}";
    }
}
