using CalcCds.Testing;

namespace CalcCds.Fhir.Tests.TestServer;

/// <summary>
/// A fact that needs <c>../shared/data</c>; it shows as skipped, with the reason, where that folder is absent
/// (xunit 2 has no run-time skip, so the decision is made when the attribute is read).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!RepoPaths.SharedDataAvailable)
        {
            Skip = "Needs " + RepoPaths.SharedData + " (real FHIR material), which is not present here.";
        }
    }
}
