using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Hooks.Tests;

public sealed class PrefetchTemplateTests
{
    private static readonly HookContext Context = new()
    {
        UserId = "Practitioner/pr-7",
        PatientId = "pat-1",
        Primitives = new Dictionary<string, string> { ["patientId"] = "pat-1", ["userId"] = "Practitioner/pr-7", ["encounterId"] = "enc-9" },
    };

    [Fact]
    public void ContextTokenIsReplacedByTheContextValue()
    {
        var template = PrefetchTemplate.Parse("labs", "Observation?patient={{context.patientId}}&category=laboratory");

        Assert.Equal("Observation?patient=pat-1&category=laboratory", template.Resolve(Context));
        Assert.True(template.IsSearch);
    }

    [Fact]
    public void InstanceReadIsNotASearch() =>
        Assert.False(PrefetchTemplate.Parse("patient", "Patient/{{context.patientId}}").IsSearch);

    [Theory]
    [InlineData("{{userPractitionerId}}", "pr-7")]
    [InlineData("{{ userPractitionerId }}", "pr-7")]
    [InlineData("{{context.encounterId}}", "enc-9")]
    public void SupportedTokensResolve(string token, string expected) =>
        Assert.Equal("X/" + expected, PrefetchTemplate.Parse("k", "X/" + token).Resolve(Context));

    [Theory]
    [InlineData("{{userPatientId}}")]
    [InlineData("{{userRelatedPersonId}}")]
    [InlineData("{{userPractitionerRoleId}}")]
    [InlineData("{{context.appointmentId}}")]
    public void TokenWithoutValueInThisCallMakesTheQueryUnformable(string token) =>
        Assert.Null(PrefetchTemplate.Parse("k", "X/" + token).Resolve(Context));

    [Theory]
    [InlineData("Patient/{{context.patient.id}}")]
    [InlineData("Patient/{{patientId}}")]
    [InlineData("Patient/{{context.patientId}")]
    [InlineData("Observation?date=ge{{today()}}")]
    public void TokensOutsideCdsHooks20AreRefused(string text) =>
        Assert.Throws<FormatException>(() => PrefetchTemplate.Parse("k", text));

    [Fact]
    public void SubstitutedValuesAreEscapedSoTheyCannotAddQueryParameters()
    {
        var hostile = Context with { Primitives = new Dictionary<string, string> { ["patientId"] = "1&_include=*" } };

        var query = PrefetchTemplate.Parse("c", "Condition?patient={{context.patientId}}").Resolve(hostile);

        Assert.Equal("Condition?patient=1%26_include%3D%2A", query);
    }
}
