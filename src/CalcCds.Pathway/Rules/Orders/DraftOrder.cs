using CalcCds.Fhir.Model;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// One draft ServiceRequest of an order hook, classified against the §2.5 code sets, with its side and the index
/// lesion it targets (§5 "How draft orders are matched"). <see cref="Target"/> is null when no index lesion matches.
/// </summary>
public sealed record DraftOrder
{
    public required ServiceRequest Request { get; init; }

    public required DraftOrderKind Kinds { get; init; }

    /// <summary>The draft's side, from its bodySite laterality qualifier or a side-specific LOINC; null if not recorded.</summary>
    public Laterality? Side { get; init; }

    /// <summary>Where <see cref="Side"/> was read ("bodySite laterality", "side-specific LOINC 38040-2").</summary>
    public string? SideSource { get; init; }

    /// <summary>The draft's SNOMED bodySite, if any.</summary>
    public string? BodySite { get; init; }

    public LesionAssessment? Target { get; init; }

    /// <summary>How the target was found, for the card text.</summary>
    public string TargetBasis { get; init; } = string.Empty;

    /// <summary>Order-select: the draft is among <c>context.selections</c> (all drafts when none are named). Order-sign: always.</summary>
    public bool Selected { get; init; } = true;

    public string Reference => Request.Ref();

    public bool Is(DraftOrderKind kind) => (Kinds & kind) == kind;

    /// <summary>The draft's name for card text: code.text, else the first coding's display or code.</summary>
    public string Name => Request.Code?.Text
        ?? Request.Code?.Coding?.Select(c => c.Display ?? c.Code).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))
        ?? "draft order";

    /// <summary>"MRI lower leg (ServiceRequest/abc)".</summary>
    public string Describe() => $"{Name} ({Reference})";
}
