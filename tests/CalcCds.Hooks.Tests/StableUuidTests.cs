using CalcCds.Hooks.Protocol;

namespace CalcCds.Hooks.Tests;

public sealed class StableUuidTests
{
    [Fact]
    public void SameInputsGiveTheSameUuid() =>
        Assert.Equal(StableUuid.Create("hook-1", "DQ1", "Right:53840002"), StableUuid.Create("hook-1", "DQ1", "Right:53840002"));

    [Fact]
    public void DifferentHookInstancesGiveDifferentUuids() =>
        Assert.NotEqual(StableUuid.Create("hook-1", "DQ1"), StableUuid.Create("hook-2", "DQ1"));

    [Fact]
    public void PartsAreNotAmbiguousWhenConcatenated() =>
        Assert.NotEqual(StableUuid.Create("ab", "c"), StableUuid.Create("a", "bc"));

    [Fact]
    public void ResultIsAnRfc9562Version8Uuid()
    {
        var text = StableUuid.Create("x");

        Assert.True(Guid.TryParse(text, out _));
        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }
}
