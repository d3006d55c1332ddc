namespace CalcCds.Pathway.Picture;

/// <summary>
/// The index-finding descriptors the context rules read: location, matrix, distribution and mechanism (§3.2), from
/// the coded finding or the report text. An unknown descriptor is empty/null, which the rules treat as "not reported".
/// </summary>
public sealed record FindingDescriptors
{
    public static FindingDescriptors None { get; } = new();

    public IReadOnlyList<Fact<string>> Locations { get; init; } = [];

    /// <summary><c>stc-matrix</c> code.</summary>
    public Fact<string>? Matrix { get; init; }

    /// <summary><c>stc-dist</c> code.</summary>
    public Fact<string>? Distribution { get; init; }

    /// <summary><c>stc-mech</c> code.</summary>
    public Fact<string>? Mechanism { get; init; }

    public bool HasLocation(string code) => Locations.Any(l => l.Value == code);

    public Fact<string>? Location(params string[] codes) => Locations.FirstOrDefault(l => codes.Contains(l.Value, StringComparer.Ordinal));

    /// <summary>The descriptors of <paramref name="finding"/>, coded or read from report text.</summary>
    public static FindingDescriptors Of(IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingDescriptors
        {
            Locations = finding.Locations,
            Matrix = finding.Matrix,
            Distribution = finding.Distribution,
            Mechanism = finding.Mechanism,
        };
    }
}
