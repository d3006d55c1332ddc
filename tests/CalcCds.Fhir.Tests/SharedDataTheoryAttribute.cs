using CalcCds.Testing;

namespace CalcCds.Fhir.Tests;

/// <summary>A theory over files in ../shared/data; skipped, with the reason shown, when that folder is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!RepoPaths.SharedDataAvailable)
        {
            Skip = $"shared data not found at {RepoPaths.SharedData}";
        }
    }
}

/// <summary>A fact that needs ../shared/data; skipped, with the reason shown, when it is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!RepoPaths.SharedDataAvailable)
        {
            Skip = $"shared data not found at {RepoPaths.SharedData}";
        }
    }
}
