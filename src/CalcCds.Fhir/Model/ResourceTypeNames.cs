namespace CalcCds.Fhir.Model;

public static partial class ResourceTypeNames
{
    /// <summary>True when <paramref name="name"/> is an R4 resource type (case-sensitive, as on the wire).</summary>
    public static bool IsR4(string? name) => name is not null && All.Contains(name);
}
