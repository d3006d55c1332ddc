namespace CalcCds.Testing;

/// <summary>A fact that needs <c>../shared/data</c>; skipped, with the reason shown, when the folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!RepoPaths.SharedDataAvailable)
        {
            Skip = $"../shared/data not found beside the repository ({RepoPaths.SharedData})";
        }
    }
}

/// <summary>A theory that needs <c>../shared/data</c>; skipped, with the reason shown, when the folder is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!RepoPaths.SharedDataAvailable)
        {
            Skip = $"../shared/data not found beside the repository ({RepoPaths.SharedData})";
        }
    }
}
