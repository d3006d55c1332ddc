using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Labs;

public sealed class RenalStatusTests
{
    private const string Egfr = "mL/min/{1.73_m2}";

    [Fact]
    public void Ckd_stage_comes_from_an_active_condition() =>
        Assert.Equal(CkdStage.G4, new LabChart().Condition(FhirSystems.Icd10Cm, "N184").Build().Renal.Stage);

    [Fact]
    public void Dialysis_dependence_makes_g5d() =>
        Assert.Equal(CkdStage.G5D, new LabChart().Condition(FhirSystems.Icd10Cm, "N18.6").Condition(FhirSystems.Snomed, "105502003").Build().Renal.Stage);

    [Fact]
    public void Ckd_is_inferred_from_two_egfr_below_60_at_least_90_days_apart()
    {
        var renal = new LabChart().Lab(LabLoinc.EgfrCkdEpi2021, 40m, Egfr, daysAgo: 5).Lab(LabLoinc.EgfrCkdEpi2021, 50m, Egfr, daysAgo: 120).Build().Renal;
        Assert.Equal(CkdStage.G3b, renal.Stage);
        Assert.True(renal.StageInferred);
    }

    [Fact]
    public void An_egfr_of_60_or_more_in_between_prevents_inference() =>
        Assert.Null(new LabChart().Lab(LabLoinc.EgfrCkdEpi2021, 40m, Egfr, daysAgo: 5).Lab(LabLoinc.EgfrCkdEpi2021, 75m, Egfr, daysAgo: 60)
            .Lab(LabLoinc.EgfrCkdEpi2021, 50m, Egfr, daysAgo: 120).Build().Renal.Stage);

    [Fact]
    public void Two_low_egfr_less_than_90_days_apart_do_not_infer_ckd() =>
        Assert.Null(new LabChart().Lab(LabLoinc.EgfrCkdEpi2021, 40m, Egfr, daysAgo: 5).Lab(LabLoinc.EgfrCkdEpi2021, 50m, Egfr, daysAgo: 60).Build().Renal.Stage);

    [Fact]
    public void Active_aki_suspends_ckd_inference()
    {
        var renal = new LabChart().Condition(FhirSystems.Icd10Cm, "N17.9", onsetDaysAgo: 10)
            .Lab(LabLoinc.EgfrCkdEpi2021, 40m, Egfr, daysAgo: 5).Lab(LabLoinc.EgfrCkdEpi2021, 50m, Egfr, daysAgo: 120).Build().Renal;
        Assert.True(renal.AkiActive);
        Assert.Null(renal.Stage);
    }

    [Fact]
    public void Creatinine_rise_of_0_3_within_48_hours_is_active_aki() =>
        Assert.True(new LabChart().Lab(LabLoinc.CreatinineMass, 1.0m, "mg/dL", daysAgo: 3).Lab(LabLoinc.CreatinineMass, 1.4m, "mg/dL", daysAgo: 2).Build().Renal.AkiActive);

    [Fact]
    public void Old_aki_condition_is_not_active() =>
        Assert.False(new LabChart().Condition(FhirSystems.Icd10Cm, "N17.9", onsetDaysAgo: 90).Build().Renal.AkiActive);

    [Fact]
    public void Inactive_ckd_counts_unless_the_last_two_egfr_are_60_or_more()
    {
        var stillCkd = new LabChart().Condition(FhirSystems.Icd10Cm, "N18.3", clinicalStatus: "inactive").Build().Renal;
        var recovered = new LabChart().Condition(FhirSystems.Icd10Cm, "N18.3", clinicalStatus: "inactive")
            .Lab(LabLoinc.EgfrCkdEpi2021, 70m, Egfr, daysAgo: 5).Lab(LabLoinc.EgfrCkdEpi2021, 72m, Egfr, daysAgo: 100).Build().Renal;
        Assert.Equal(CkdStage.G3, stillCkd.Stage);
        Assert.Null(recovered.Stage);
    }

    [Fact]
    public void Greater_than_60_egfr_is_not_low() =>
        Assert.False(new LabChart().Lab(LabLoinc.EgfrCkdEpi2021, 60m, Egfr, comparator: ">").Build().Renal.HasEgfrBelow(60m));
}
