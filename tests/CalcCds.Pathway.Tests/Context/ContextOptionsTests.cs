using System.ComponentModel.DataAnnotations;
using CalcCds.Pathway.Options;

namespace CalcCds.Pathway.Tests.Context;

public sealed class ContextOptionsTests
{
    [Fact]
    public void FollowUpWindowWithMinimumAboveMaximumIsInvalid()
    {
        var options = new ContextOptions { MoFollowupWeeksMin = 8, MoFollowupWeeksMax = 4 };

        Assert.NotEmpty(options.Validate(new ValidationContext(options)));
    }

    [Fact]
    public void DefaultsAreValidAndDescribed()
    {
        var options = new ContextOptions();

        Assert.Empty(options.Validate(new ValidationContext(options)));
        Assert.Contains("MO_FOLLOWUP_WEEKS=3-6", options.Describe());
    }
}
