using CalcCds.Pathway.Labs;

namespace CalcCds.Pathway.Tests.Labs;

public sealed class LabValueTests
{
    [Fact]
    public void Greater_than_value_exceeds_every_threshold_at_or_below_it() =>
        Assert.True(new LabValue(150m, Comparator.GreaterThan).IsAbove(150m));

    [Fact]
    public void Greater_than_value_is_indeterminate_for_a_higher_threshold() =>
        Assert.Null(new LabValue(60m, Comparator.GreaterThan).IsAbove(90m));

    [Fact]
    public void Less_than_value_is_below_every_threshold_at_or_above_it() =>
        Assert.True(new LabValue(15m, Comparator.LessThan).IsBelow(15m));

    [Fact]
    public void Less_than_value_is_indeterminate_for_a_lower_threshold() =>
        Assert.Null(new LabValue(15m, Comparator.LessThan).IsBelow(10m));

    [Fact]
    public void Greater_than_sixty_egfr_is_not_below_sixty() =>
        Assert.False(new LabValue(60m, Comparator.GreaterThan).IsBelow(60m));

    [Fact]
    public void Plain_value_compares_exactly()
    {
        var value = new LabValue(14.0m);
        Assert.True(value.IsAbove(14.0m, inclusive: true));
        Assert.False(value.IsAbove(14.0m));
    }
}
