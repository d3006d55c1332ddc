using CalcCds.Fhir.Model;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Picture;

/// <summary>One fact behind a context flag: the resource and date (Product decision 10), and the side it names.</summary>
public sealed record ContextEvidence(Fact<string> Fact, Laterality? Side, Certainty Certainty = Certainty.Known);

/// <summary>
/// A context flag of §4.7 with the facts that set it. The flag is set when any fact is present; rules list
/// <see cref="Evidence"/> in the card detail.
/// </summary>
public sealed record ContextFlag(string Name, IReadOnlyList<ContextEvidence> Evidence)
{
    public bool IsSet => Evidence.Count > 0;

    /// <summary>
    /// The facts that may concern a lesion on <paramref name="side"/>: a fact recorded for the other leg does not;
    /// a fact without a side, a bilateral one, or a lesion without a side keeps the fact (the chart rarely lateralises
    /// a problem-list entry, and a missed history costs more than an extra info card).
    /// </summary>
    public ContextFlag AtSide(Laterality? side)
    {
        // Asked per lesion by several context rules; most flags are empty or keep every fact, and are then their own
        // answer, so the usual call makes nothing.
        var kept = 0;
        foreach (var evidence in Evidence)
        {
            kept += SameLimb(evidence.Side, side) ? 1 : 0;
        }

        if (kept == Evidence.Count)
        {
            return this;
        }

        var atSide = new List<ContextEvidence>(kept);
        foreach (var evidence in Evidence)
        {
            if (SameLimb(evidence.Side, side))
            {
                atSide.Add(evidence);
            }
        }

        return this with { Evidence = atSide };
    }

    public static ContextFlag From(string name, IEnumerable<ContextEvidence> evidence) => new(name, evidence.ToList());

    /// <summary>A flag over facts already listed (an empty list is shared, not copied).</summary>
    public static ContextFlag From(string name, IReadOnlyList<ContextEvidence> evidence) => new(name, evidence);

    internal static bool SameLimb(Laterality? a, Laterality? b) =>
        a is null || b is null || a == Laterality.Bilateral || b == Laterality.Bilateral || a == b;
}

/// <summary>Reads laterality from a body site: the mCODE laterality qualifier, or a laterality coding in the concept.</summary>
internal static class SideReading
{
    public static Laterality? Of(CodeableConcept? site)
    {
        if (site is null)
        {
            return null;
        }

        // Read for every Condition, Procedure and exam the context flags list: plain loops, no closures.
        if (site.Extension is { } extensions)
        {
            for (var i = 0; i < extensions.Count; i++)
            {
                if (extensions[i].Url == FhirSystems.McodeLateralityExtension)
                {
                    if (FromCode(extensions[i].ValueCodeableConcept.CodeIn(SnomedCodes.System)) is { } qualified)
                    {
                        return qualified;
                    }

                    break;
                }
            }
        }

        if (site.Coding is { } codings)
        {
            for (var i = 0; i < codings.Count; i++)
            {
                if (codings[i].System == SnomedCodes.System && FromCode(codings[i].Code) is { } side)
                {
                    return side;
                }
            }
        }

        return null;
    }

    public static Laterality? Of(IEnumerable<CodeableConcept>? sites)
    {
        if (sites is null)
        {
            return null;
        }

        foreach (var site in sites)
        {
            if (Of(site) is { } side)
            {
                return side;
            }
        }

        return null;
    }

    private static Laterality? FromCode(string? code) => code switch
    {
        SnomedCodes.Laterality.Right => Laterality.Right,
        SnomedCodes.Laterality.Left => Laterality.Left,
        SnomedCodes.Laterality.Bilateral => Laterality.Bilateral,
        _ => null,
    };
}
