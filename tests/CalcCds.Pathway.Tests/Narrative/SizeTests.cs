using CalcCds.Pathway.Narrative;

namespace CalcCds.Pathway.Tests.Narrative;

public sealed class SizeTests
{
    [Theory]
    [InlineData("Calcified mass measuring 62 mm.", 6.2)]
    [InlineData("Calcified mass measuring 6.2 cm.", 6.2)]
    [InlineData("Calcified mass measuring 6.2 x 3.1 cm.", 6.2)]
    [InlineData("Calcified mass measuring 3.1 x 6.2 x 2.0 cm.", 6.2)]
    [InlineData("Calcified mass measuring 31 x 62 mm.", 6.2)]
    [InlineData("Calcified mass measuring 1.5cm.", 1.5)]
    [InlineData("Calcified mass measuring 6.2x3.1x2.0cm.", 6.2)]
    [InlineData("Calcified mass measuring up to 4 cm.", 4)]
    [InlineData("Calcified mass measuring 2-3 cm.", 3)]
    [InlineData("Calcified mass measuring approx. 5 centimetres.", 5)]
    public void Sizes_are_read_as_the_largest_dimension_in_cm(string text, double expected)
    {
        Assert.Equal((decimal)expected, ReportTextReader.Read(text).MaxSizeCm);
    }

    [Fact]
    public void A_decimal_comma_is_read_as_a_decimal_point()
    {
        Assert.Equal(1.5m, ReportTextReader.Read("Calcified mass measuring 1,5 cm.").MaxSizeCm);
    }

    [Fact]
    public void A_number_without_a_length_unit_is_not_a_size()
    {
        var reading = ReportTextReader.Read("Two views of the calf show calcification in 3 foci.");

        Assert.Null(reading.MaxSizeCm);
        Assert.Contains("lesion-max-dimension", reading.MissingDescriptors);
    }

    [Fact]
    public void A_mass_measuring_a_size_has_mass_basis()
    {
        var reading = ReportTextReader.Read("Deep soft tissue mass with stippled calcification, the mass measuring 6 cm.");

        Assert.Equal("mass", reading.SizeBasis);
    }

    [Fact]
    public void A_cluster_of_calcifications_has_calcification_extent_basis()
    {
        var reading = ReportTextReader.Read("There is a 2 cm cluster of calcifications in the subcutaneous tissue.");

        Assert.Equal(2m, reading.MaxSizeCm);
        Assert.Equal("calcification-extent", reading.SizeBasis);
    }

    [Fact]
    public void A_size_with_no_named_subject_has_unknown_basis_and_is_listed_as_missing()
    {
        var reading = ReportTextReader.Read("Calcific density in the calf soft tissues. It measures 3 cm.");

        Assert.Equal(3m, reading.MaxSizeCm);
        Assert.Equal("unknown", reading.SizeBasis);
        Assert.Contains("size-basis", reading.MissingDescriptors);
    }

    [Fact]
    public void A_mass_size_wins_over_a_larger_calcification_extent()
    {
        var reading = ReportTextReader.Read(
            "A 7 cm band of calcification runs along the calf. A separate soft tissue mass measures 4 cm.");

        Assert.Equal(4m, reading.MaxSizeCm);
        Assert.Equal("mass", reading.SizeBasis);
    }

    [Fact]
    public void The_prior_size_in_a_comparison_is_not_the_current_size()
    {
        var reading = ReportTextReader.Read("The calcified mass has decreased from 6 cm to 4 cm.");

        Assert.Equal(4m, reading.MaxSizeCm);
    }
}
