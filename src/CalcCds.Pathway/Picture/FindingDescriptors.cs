using CalcCds.Fhir.Model;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Picture;

/// <summary>
/// The index-finding descriptors the context rules need beyond what <see cref="IndexFinding"/> carries today:
/// location, matrix, distribution and mechanism (§3.2). Until IndexFinding has them, they are read here from the
/// coded STC-Finding Observation the finding came from; a narrative finding leaves them unknown (empty/null), which
/// the rules treat as "not reported". This is the one place to switch to IndexFinding's own properties.
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

    /// <summary>The descriptors of <paramref name="finding"/>, from its coded Observation in the prefetch.</summary>
    public static FindingDescriptors Of(IndexFinding finding, IEnumerable<Observation> imagingObservations)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(imagingObservations);
        if (finding.Origin != FactOrigin.Coded)
        {
            return None;
        }

        var observation = imagingObservations.FirstOrDefault(o => o.Ref() == finding.Reference);
        if (observation is null)
        {
            return None;
        }

        var components = observation.Component ?? [];
        Fact<string> Coded(string value) => new(value, FactOrigin.Coded, finding.Reference, finding.Date);
        IEnumerable<string> Values(string attribute, string system) => components
            .Where(c => c.Code.Has(StcCodes.Systems.Attr, attribute))
            .Select(c => c.ValueCodeableConcept.CodeIn(system))
            .OfType<string>();

        return new FindingDescriptors
        {
            Locations = Values(StcCodes.Attr.Location, StcCodes.Systems.Location).Select(Coded).ToList(),
            Matrix = Values(StcCodes.Attr.Matrix, StcCodes.Systems.Matrix).Select(Coded).FirstOrDefault(),
            Distribution = Values(StcCodes.Attr.Distribution, StcCodes.Systems.Distribution).Select(Coded).FirstOrDefault(),
            Mechanism = Values(StcCodes.Attr.Mechanism, StcCodes.Systems.Mechanism).Select(Coded).FirstOrDefault(),
        };
    }
}
