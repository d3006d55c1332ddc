using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Labs;

public sealed class LabReaderTests
{
    [Fact]
    public void Entered_in_error_results_are_ignored()
    {
        var history = new LabChart().Lab(LabLoinc.CalciumTotalMass, 13m, "mg/dL", status: "entered-in-error").Build().LabHistory;
        Assert.Empty(history.All(Analyte.CalciumTotal));
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("registered")]
    [InlineData("unknown")]
    public void Results_with_other_unusable_statuses_are_ignored(string status) =>
        Assert.Empty(new LabChart().Lab(LabLoinc.CalciumTotalMass, 13m, "mg/dL", status: status).Build().LabHistory.All(Analyte.CalciumTotal));

    [Fact]
    public void Preliminary_results_are_kept_but_never_latest_final()
    {
        var history = new LabChart().Lab(LabLoinc.CalciumTotalMass, 13m, "mg/dL", status: "preliminary").Build().LabHistory;
        Assert.True(history.LatestAny(Analyte.CalciumTotal)!.IsPreliminary);
        Assert.Null(history.Latest(Analyte.CalciumTotal));
    }

    [Fact]
    public void Unknown_unit_makes_the_value_missing_and_adds_a_note()
    {
        var history = new LabChart().Lab(LabLoinc.CalciumTotalMass, 13m, "mg%").Build().LabHistory;
        Assert.Null(history.Latest(Analyte.CalciumTotal));
        Assert.False(history.LatestAny(Analyte.CalciumTotal)!.HasValue);
        Assert.Contains(history.DataQualityNotes, n => n.Contains("mg%", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_unit_on_the_allow_list_is_converted()
    {
        var history = new LabChart().Lab(LabLoinc.CalciumTotalMoles, 2.5m, "MMOL/L", textUnitOnly: true).Build().LabHistory;
        Assert.Equal(10.02m, history.Latest(Analyte.CalciumTotal)!.Value!.Value);
    }

    [Fact]
    public void Latest_result_is_chosen_by_collection_time()
    {
        var history = new LabChart()
            .Lab(LabLoinc.PhosphateMass, 3m, "mg/dL", daysAgo: 2)
            .Lab(LabLoinc.PhosphateMass, 6m, "mg/dL", daysAgo: 40)
            .Build().LabHistory;
        Assert.Equal(3m, history.Latest(Analyte.Phosphate)!.Value!.Value);
    }

    [Fact]
    public void Identical_code_value_and_time_count_once() =>
        Assert.Single(new LabChart().Lab(LabLoinc.PhosphateMass, 3m, "mg/dL", daysAgo: 2).Lab(LabLoinc.PhosphateMass, 3m, "mg/dL", daysAgo: 2)
            .Build().LabHistory.All(Analyte.Phosphate));

    [Fact]
    public void Lab_reference_range_wins_over_the_fallback()
    {
        var result = new LabChart().Lab(LabLoinc.CalciumTotalMoles, 2.6m, "mmol/L", range: (2.2m, 2.7m, "mmol/L")).Build().LabHistory.Latest(Analyte.CalciumTotal)!;
        Assert.Equal(RangeSource.Lab, result.RangeSource);
        Assert.False(result.IsHigh);
    }

    [Fact]
    public void Missing_reference_range_uses_the_fallback_and_says_so()
    {
        var result = new LabChart().Lab(LabLoinc.CalciumTotalMass, 10.5m, "mg/dL").Build().LabHistory.Latest(Analyte.CalciumTotal)!;
        Assert.Equal(RangeSource.Fallback, result.RangeSource);
        Assert.True(result.IsHigh);
        Assert.Contains("default adult range", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void High_flag_from_the_lab_counts_without_a_range() =>
        Assert.True(new LabChart().Lab(LabLoinc.PthIntactMass, 50m, "pg/mL", flag: "H").Build().LabHistory.Latest(Analyte.Pth)!.IsHigh);

    [Fact]
    public void Synthea_blood_calcium_and_mdrd_egfr_are_read()
    {
        var history = new LabChart().Lab(LabLoinc.CalciumBloodMass, 9.5m, "mg/dL").Lab(LabLoinc.EgfrMdrd, 70m, "mL/min/{1.73_m2}").Build().LabHistory;
        Assert.NotNull(history.Latest(Analyte.CalciumTotal));
        Assert.NotNull(history.Latest(Analyte.Egfr));
    }
}
