using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Labs;

public sealed class SystemicFactsTests
{
    [Fact]
    public void Fine_speckled_pattern_raises_suspicion() =>
        Assert.Contains(new LabChart().WithFinding(StcCodes.Pattern.FineSpeckledDiffuse).Build().Systemic.Reasons, r => r.Clause == SystemicClause.Pattern);

    [Fact]
    public void Calcification_on_both_sides_raises_suspicion() =>
        Assert.Contains(new LabChart().WithFinding(Laterality.Left).WithFinding(Laterality.Right).Build().Systemic.Reasons, r => r.Clause == SystemicClause.Distribution);

    [Fact]
    public void Hyperparathyroidism_condition_raises_suspicion() =>
        Assert.True(new LabChart().WithFinding().Condition(FhirSystems.Icd10Cm, "E21.0").Build().Systemic.Suspect);

    [Fact]
    public void Refuted_sarcoidosis_does_not_raise_suspicion() =>
        Assert.False(new LabChart().WithFinding().Condition(FhirSystems.Snomed, "31541009", verification: "refuted").Build().Systemic.Suspect);

    [Fact]
    public void Calcitriol_raises_suspicion_and_requires_vitamin_d()
    {
        var systemic = new LabChart().WithFinding().Medication("Calcitriol 0.25 MCG Oral Capsule").Build().Systemic;
        Assert.Contains(systemic.Reasons, r => r.Clause == SystemicClause.Medication);
        Assert.True(systemic.VitaminDRequired);
    }

    [Fact]
    public void Low_dose_cholecalciferol_does_not_raise_suspicion() =>
        Assert.False(new LabChart().WithFinding().Medication("cholecalciferol 1000 UNT").Build().Systemic.Suspect);

    [Fact]
    public void No_risk_factor_and_normal_labs_is_not_suspect() =>
        Assert.False(new LabChart().WithFinding().NormalPanel().Build().Systemic.Suspect);

    [Fact]
    public void Normal_recent_panel_is_complete() =>
        Assert.True(new LabChart().WithFinding().NormalPanel().Build().Systemic.LabsComplete);

    [Fact]
    public void Stale_pth_is_listed_with_its_last_date()
    {
        var systemic = new LabChart().WithFinding(StcCodes.Pattern.FineSpeckledDiffuse)
            .Lab(LabLoinc.CalciumTotalMass, 9.4m, "mg/dL").Lab(LabLoinc.Albumin, 4.1m, "g/dL").Lab(LabLoinc.PhosphateMass, 3.5m, "mg/dL")
            .Lab(LabLoinc.EgfrCkdEpi2021, 85m, "mL/min/{1.73_m2}").Lab(LabLoinc.Crp, 2m, "mg/L")
            .Lab(LabLoinc.PthIntactMass, 40m, "pg/mL", daysAgo: 200, id: "old-pth").Build().Systemic;
        var missing = Assert.Single(systemic.Missing);
        Assert.Equal(Analyte.Pth, missing.Order.Analyte);
        Assert.Contains("Observation/old-pth", missing.Describe(), StringComparison.Ordinal);
        Assert.Contains("older than 180 days", missing.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ckd_g5_shortens_the_calcium_window_to_one_month()
    {
        var systemic = new LabChart().WithFinding().Condition(FhirSystems.Icd10Cm, "N18.5").NormalPanel(daysAgo: 45).Build().Systemic;
        Assert.Contains(systemic.Missing, m => m.Order.Analyte == Analyte.Phosphate);
    }

    [Fact]
    public void Labs_drawn_before_a_parathyroidectomy_are_stale()
    {
        var systemic = new LabChart().WithFinding().NormalPanel(daysAgo: 20).Procedure(RenalProcedureCodes.Parathyroidectomy, daysAgo: 10).Build().Systemic;
        Assert.Contains(systemic.Missing, m => m.Why.Contains("parathyroidectomy", StringComparison.Ordinal));
    }

    [Fact]
    public void Preliminary_results_do_not_complete_the_panel()
    {
        var chart = new LabChart().WithFinding();
        chart.Lab(LabLoinc.CalciumTotalMass, 9.4m, "mg/dL", status: "preliminary").Lab(LabLoinc.Albumin, 4.1m, "g/dL", status: "preliminary");
        var missing = chart.Build().Systemic.Missing;
        Assert.Contains(missing, m => m.Why == "preliminary only");
    }
}
