using CalcCds.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Tests;

/// <summary>Bad configuration stops the service at start-up with a message that names the key.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("CalcCds:Pathway:CardMax", "0", "CardMax")]
    [InlineData("CalcCds:Pathway:IndexLookbackDays", "-5", "IndexLookbackDays")]
    [InlineData("CalcCds:Pathway:Lesion:SizeRedFlagCm", "0", "SizeRedFlagCm")]
    [InlineData("CalcCds:CdsHooks:MaxJsonDepth", "1000", "MaxJsonDepth")]
    [InlineData("CalcCds:CdsHooks:EvaluationDeadline", "00:00:00.001", "EvaluationDeadline")]
    [InlineData("CalcCds:FhirClient:MaxPages", "0", "MaxPages")]
    [InlineData("CalcCds:Logging:FlushInterval", "00:00:02", "FlushInterval")]
    public void InvalidSettingFailsStartUp(string key, string value, string named)
    {
        using var factory = new CalcCdsFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateLoopbackClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }
}
