using CalcCds.Testing;

namespace CalcCds.Api.Tests.Security;

/// <summary>A fact that needs <c>../shared/data</c>: skipped, with the reason shown, when it is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!RepoPaths.SharedDataAvailable)
        {
            Skip = $"Shared data not found at {RepoPaths.SharedData}";
        }
    }
}

/// <summary>A theory that needs <c>../shared/data</c>: skipped, with the reason shown, when it is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!RepoPaths.SharedDataAvailable)
        {
            Skip = $"Shared data not found at {RepoPaths.SharedData}";
        }
    }
}
