namespace CalcCds.Pathway.Tests.Properties;

/// <summary>How the index finding reaches the service: a coded STC-Finding Observation, or report text only.</summary>
public enum FindingSource
{
    Coded,
    Narrative,
}

/// <summary>One lesion's descriptors; a null descriptor is "not reported" (§7.6).</summary>
public sealed record LesionSpec(
    FindingSource Source,
    bool Preliminary,
    string? Side,
    string Site,
    string? Pattern,
    decimal? SizeCm,
    bool SizeInMm,
    string? SizeBasis,
    string? Depth,
    string? Mass,
    string? Bone,
    string? Matrix,
    string? Mechanism,
    string? Growth);

/// <summary>A lab result whose value is drawn in SI units so that the conventional value is an exact product (§7.1).</summary>
public sealed record LabSpec(string Analyte, decimal SiValue, string Status, int DaysAgo, bool UnknownUnit, bool CriticalFlag);

public sealed record ConditionSpec(string Icd, string? Clinical, string? Verification, int OnsetDaysAgo);

public sealed record SymptomSpec(string Code, bool Present, int DaysAgo);

public sealed record OrderSpec(string System, string Code, string? Side);

/// <summary>A random but valid chart: what the generators draw and <see cref="ChartRenderer"/> turns into FHIR JSON.</summary>
public sealed record ChartSpec(
    string Hook,
    int? Age,
    IReadOnlyList<LesionSpec> Lesions,
    IReadOnlyList<LabSpec> Labs,
    IReadOnlyList<ConditionSpec> Conditions,
    IReadOnlyList<SymptomSpec> Symptoms,
    IReadOnlyList<OrderSpec> DraftOrders)
{
    public override string ToString() =>
        $"{Hook}, age {Age?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}; lesions: [{string.Join("; ", Lesions)}]; labs: [{string.Join("; ", Labs)}]; "
        + $"conditions: [{string.Join("; ", Conditions)}]; symptoms: [{string.Join("; ", Symptoms)}]; orders: [{string.Join("; ", DraftOrders)}]";
}
