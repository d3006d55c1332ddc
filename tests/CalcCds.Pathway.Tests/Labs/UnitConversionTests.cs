using CalcCds.Pathway.Labs;

namespace CalcCds.Pathway.Tests.Labs;

public sealed class UnitConversionTests
{
    [Theory]
    [InlineData(Analyte.CalciumTotal, "mg/dL", 1.0)]
    [InlineData(Analyte.CalciumTotal, "mmol/L", 4.008)]
    [InlineData(Analyte.CalciumTotal, "meq/L", 2.004)]
    [InlineData(Analyte.CalciumIonized, "mmol/L", 4.008)]
    [InlineData(Analyte.Phosphate, "mmol/L", 3.097)]
    [InlineData(Analyte.Albumin, "g/L", 0.1)]
    [InlineData(Analyte.Albumin, "g/dL", 1.0)]
    [InlineData(Analyte.Pth, "pmol/L", 9.43)]
    [InlineData(Analyte.Pth, "ng/L", 1.0)]
    [InlineData(Analyte.VitaminD25, "nmol/L", 0.4006)]
    [InlineData(Analyte.Crp, "mg/dL", 10.0)]
    [InlineData(Analyte.Egfr, "mL/min/{1.73_m2}", 1.0)]
    public void Ucum_code_converts_to_the_canonical_unit(Analyte analyte, string ucum, double factor) =>
        Assert.Equal((decimal)factor, UnitConversion.FactorToCanonical(analyte, ucum, null)!.Value, 4);

    [Fact]
    public void Creatinine_umol_per_litre_divides_by_88_42() =>
        Assert.Equal(1.0m, decimal.Round(88.42m * UnitConversion.FactorToCanonical(Analyte.Creatinine, "umol/L", null)!.Value, 6));

    [Theory]
    [InlineData(Analyte.CalciumTotal, "MG/DL")]
    [InlineData(Analyte.Creatinine, "µmol/l")]
    [InlineData(Analyte.Esr, "mm/hr")]
    [InlineData(Analyte.Egfr, "ml/min/1.73m2")]
    public void Allow_listed_unit_text_is_accepted_when_no_code_is_given(Analyte analyte, string text) =>
        Assert.NotNull(UnitConversion.FactorToCanonical(analyte, null, text));

    [Theory]
    [InlineData(Analyte.CalciumTotal, "mg%", null)]
    [InlineData(Analyte.CalciumTotal, null, "milligrams per decilitre")]
    [InlineData(Analyte.CalciumTotal, "g/dL", null)]
    [InlineData(Analyte.Albumin, "mmol/L", null)]
    [InlineData(Analyte.Pth, "pg/dL", null)]
    public void Unknown_or_wrong_unit_for_the_analyte_gives_no_factor(Analyte analyte, string? code, string? text) =>
        Assert.Null(UnitConversion.FactorToCanonical(analyte, code, text));

    [Fact]
    public void Ucum_codes_are_case_sensitive() =>
        Assert.Null(UnitConversion.FactorToCanonical(Analyte.CalciumTotal, "MG/DL", "mg/dl"));
}
