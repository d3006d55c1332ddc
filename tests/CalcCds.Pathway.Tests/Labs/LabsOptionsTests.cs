using System.ComponentModel.DataAnnotations;

namespace CalcCds.Pathway.Tests.Labs;

public sealed class LabsOptionsTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.Empty(new PathwayOptions().Validate(new ValidationContext(new PathwayOptions())));

    [Fact]
    public void Out_of_range_recency_window_is_rejected()
    {
        var options = new PathwayOptions();
        options.Labs.Recency.MineralDays = 0;
        Assert.Contains(options.Validate(new ValidationContext(options)), r => r.ErrorMessage!.Contains("MineralDays", StringComparison.Ordinal));
    }

    [Fact]
    public void Parameters_are_described_for_discovery() =>
        Assert.Contains("SEVERE_CA=14.0", new PathwayOptions().Describe(), StringComparison.Ordinal);
}
