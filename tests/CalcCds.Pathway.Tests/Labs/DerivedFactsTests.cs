using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Labs;

public sealed class DerivedFactsTests
{
    [Fact]
    public void Corrected_calcium_is_computed_with_albumin_within_24_hours()
    {
        var labs = new LabChart().Lab(LabLoinc.CalciumTotalMass, 9.8m, "mg/dL", daysAgo: 3).Lab(LabLoinc.Albumin, 2.5m, "g/dL", daysAgo: 3.5).Build().Labs;
        Assert.Equal(CalciumMeasure.ComputedCorrected, labs.Calcium!.Measure);
        Assert.Equal(11.0m, labs.Calcium.Value.Value);
        Assert.NotNull(labs.Hypercalcemia);
    }

    [Fact]
    public void Albumin_drawn_more_than_24_hours_apart_leaves_calcium_uncorrected()
    {
        var labs = new LabChart().Lab(LabLoinc.CalciumTotalMass, 9.8m, "mg/dL", daysAgo: 3).Lab(LabLoinc.Albumin, 2.5m, "g/dL", daysAgo: 5).Build().Labs;
        Assert.Equal(CalciumMeasure.Uncorrected, labs.Calcium!.Measure);
        Assert.Contains("not albumin-corrected", labs.Calcium.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void High_albumin_gives_no_downward_correction() =>
        Assert.Equal(10.5m, new LabChart().Lab(LabLoinc.CalciumTotalMass, 10.5m, "mg/dL").Lab(LabLoinc.Albumin, 4.8m, "g/dL").Build().Labs.Calcium!.Value.Value);

    [Fact]
    public void Lab_reported_corrected_calcium_is_used_as_is()
    {
        var labs = new LabChart().Lab(LabLoinc.CalciumTotalMass, 9.0m, "mg/dL").Lab(LabLoinc.CalciumCorrectedMoles, 2.7m, "mmol/L").Lab(LabLoinc.Albumin, 2.0m, "g/dL").Build().Labs;
        Assert.Equal(CalciumMeasure.LabCorrected, labs.Calcium!.Measure);
    }

    [Fact]
    public void Ionized_calcium_is_preferred_in_ckd_g4()
    {
        var labs = new LabChart().Condition(FhirSystems.Icd10Cm, "N18.4")
            .Lab(LabLoinc.CalciumTotalMass, 9.0m, "mg/dL").Lab(LabLoinc.Albumin, 3.5m, "g/dL").Lab(LabLoinc.CalciumIonizedMoles, 1.45m, "mmol/L")
            .Build().Labs;
        Assert.Equal(CalciumMeasure.Ionized, labs.Calcium!.Measure);
        Assert.NotNull(labs.Hypercalcemia);
    }

    [Fact]
    public void Corrected_calcium_of_14_is_severe() =>
        Assert.True(new LabChart().Lab(LabLoinc.CalciumTotalMass, 14.0m, "mg/dL").Lab(LabLoinc.Albumin, 4.2m, "g/dL").Build().Labs.HypercalcemiaSevere);

    [Fact]
    public void Critical_high_flag_is_severe() =>
        Assert.True(new LabChart().Lab(LabLoinc.CalciumTotalMass, 12.1m, "mg/dL", flag: "HH").Lab(LabLoinc.Albumin, 4.2m, "g/dL").Build().Labs.HypercalcemiaSevere);

    [Fact]
    public void Calcium_of_13_9_is_not_severe() =>
        Assert.False(new LabChart().Lab(LabLoinc.CalciumTotalMass, 13.9m, "mg/dL").Lab(LabLoinc.Albumin, 4.2m, "g/dL").Build().Labs.HypercalcemiaSevere);

    [Fact]
    public void Preliminary_critical_calcium_is_never_severe()
    {
        var labs = new LabChart().Lab(LabLoinc.CalciumTotalMass, 15m, "mg/dL", status: "preliminary", flag: "HH").Build().Labs;
        Assert.False(labs.HypercalcemiaSevere);
        Assert.Null(labs.Hypercalcemia);
    }

    [Fact]
    public void Caxp_is_computed_only_for_samples_within_24_hours()
    {
        var paired = new LabChart().Lab(LabLoinc.CalciumTotalMass, 10m, "mg/dL", daysAgo: 3).Lab(LabLoinc.Albumin, 4m, "g/dL", daysAgo: 3).Lab(LabLoinc.PhosphateMass, 6m, "mg/dL", daysAgo: 3.5).Build().Labs;
        var apart = new LabChart().Lab(LabLoinc.CalciumTotalMass, 10m, "mg/dL", daysAgo: 3).Lab(LabLoinc.Albumin, 4m, "g/dL", daysAgo: 3).Lab(LabLoinc.PhosphateMass, 6m, "mg/dL", daysAgo: 5).Build().Labs;
        Assert.Equal(60m, paired.CaxP);
        Assert.NotNull(paired.CaxpHigh);
        Assert.Null(apart.CaxP);
    }

    [Fact]
    public void Pth_above_nine_times_uln_is_very_high_in_dialysis()
    {
        var labs = new LabChart().Condition(FhirSystems.Icd10Cm, "Z99.2").Lab(LabLoinc.PthIntactMass, 700m, "pg/mL", range: (10m, 65m, "pg/mL")).Build().Labs;
        Assert.NotNull(labs.PthVeryHigh);
    }

    [Fact]
    public void Vitamin_d_above_assay_limit_comparator_is_toxic() =>
        Assert.NotNull(new LabChart().Lab(LabLoinc.VitaminD25Total, 120m, "ng/mL", comparator: ">").Build().Labs.VitaminDToxic);

    [Fact]
    public void Vitamin_d_375_nmol_per_litre_is_at_the_toxic_limit_not_above() =>
        Assert.Null(new LabChart().Lab(LabLoinc.VitaminD25Total, 370m, "nmol/L").Build().Labs.VitaminDToxic);

    [Theory]
    [InlineData(2.60, "mmol/L", 10.42, "mg/dL")]
    [InlineData(1.90, "mmol/L", 5.88, "mg/dL")]
    public void Calcium_in_mmol_and_mg_gives_the_same_decision(double molar, string molarUnit, double mass, string massUnit)
    {
        var si = new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMoles, (decimal)molar, molarUnit).Lab(LabLoinc.Albumin, 40m, "g/L").Build();
        var conventional = new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMass, (decimal)mass, massUnit).Lab(LabLoinc.Albumin, 4.0m, "g/dL").Build();
        Assert.Equal(conventional.Labs.Hypercalcemia is null, si.Labs.Hypercalcemia is null);
        Assert.Equal(conventional.Systemic.Suspect, si.Systemic.Suspect);
    }

    [Fact]
    public void Phosphate_pth_and_vitamin_d_in_si_units_give_the_same_flags_as_conventional_units()
    {
        var si = new LabChart().Lab(LabLoinc.PhosphateMoles, 2.0m, "mmol/L").Lab(LabLoinc.PthIntactMoles, 10m, "pmol/L").Lab(LabLoinc.VitaminD25Total, 400m, "nmol/L").Build().Labs;
        var conventional = new LabChart().Lab(LabLoinc.PhosphateMass, 6.19m, "mg/dL").Lab(LabLoinc.PthIntactMass, 94.3m, "pg/mL").Lab(LabLoinc.VitaminD25Total, 160.2m, "ng/mL").Build().Labs;
        Assert.Equal(conventional.AbnormalFlags.Select(f => f.Name), si.AbnormalFlags.Select(f => f.Name));
        Assert.Equal(3, si.AbnormalFlags.Count());
    }

    [Fact]
    public void Unknown_unit_calcium_is_never_compared()
    {
        var picture = new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMass, 16m, "mg%").Build();
        Assert.Null(picture.Labs.Calcium);
        Assert.False(picture.Labs.HypercalcemiaSevere);
    }
}
