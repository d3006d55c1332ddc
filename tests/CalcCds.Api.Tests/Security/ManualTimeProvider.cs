namespace CalcCds.Api.Tests.Security;

/// <summary>A clock the test moves by hand, for lifetimes, cache intervals and frozen captured tokens.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
