using CalcCds.Fhir.Model;

namespace CalcCds.Fhir.Tests.Model;

public sealed class FhirDateTimeTests
{
    [Theory]
    [InlineData("2020", FhirDateTimePrecision.Year, "2020-01-01T00:00:00+00:00")]
    [InlineData("2020-03", FhirDateTimePrecision.Month, "2020-03-01T00:00:00+00:00")]
    [InlineData("2020-02-29", FhirDateTimePrecision.Day, "2020-02-29T00:00:00+00:00")]
    [InlineData("2020-03-15T10:20:30Z", FhirDateTimePrecision.Second, "2020-03-15T10:20:30+00:00")]
    [InlineData("2020-03-15T10:20:30+01:00", FhirDateTimePrecision.Second, "2020-03-15T10:20:30+01:00")]
    [InlineData("2015-02-07T13:28:17.239+02:00", FhirDateTimePrecision.FractionOfSecond, "2015-02-07T13:28:17.2390000+02:00")]
    [InlineData("2016-12-31T23:59:60Z", FhirDateTimePrecision.Second, "2017-01-01T00:00:00+00:00")]
    public void Valid_value_has_its_precision_and_lower_bound(string text, FhirDateTimePrecision precision, string lowerBound)
    {
        var value = FhirDateTime.Parse(text);

        Assert.Equal((precision, DateTimeOffset.Parse(lowerBound, System.Globalization.CultureInfo.InvariantCulture)), (value.Precision, value.LowerBound));
    }

    [Theory]
    [InlineData("2020-03-15T10:20:30.1234567890-05:00")]
    [InlineData("1974-12-25")]
    [InlineData("2020-03")]
    public void Original_text_is_kept_exactly(string text)
    {
        Assert.Equal(text, FhirDateTime.Parse(text).ToString());
    }

    [Theory]
    [InlineData("2020-13-45")]
    [InlineData("yesterday")]
    [InlineData("2021-02-29")]
    [InlineData("0000")]
    [InlineData("2020-03-15T10:20:30")] // a time needs a zone
    [InlineData("2020-03-15T10:20Z")] // seconds are required
    [InlineData("2020-03-15T24:00:00Z")]
    [InlineData("2020-03-15T10:20:30+15:00")]
    [InlineData("2020-03-15 10:20:30Z")]
    [InlineData("2020-3-5")]
    [InlineData("2020-03-15\n")]
    [InlineData("")]
    public void Invalid_text_does_not_parse(string text)
    {
        Assert.False(FhirDateTime.TryParse(text, out _));
    }

    [Fact]
    public void Upper_bound_of_a_month_is_the_next_month()
    {
        Assert.Equal(new DateTimeOffset(2020, 3, 1, 0, 0, 0, TimeSpan.Zero), FhirDateTime.Parse("2020-02").UpperBound);
    }

    [Fact]
    public void From_DateTimeOffset_writes_a_zoned_dateTime()
    {
        var value = FhirDateTime.FromDateTimeOffset(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)));

        Assert.Equal("2024-05-06T07:08:09+02:00", value.Value);
    }
}
