using System.Text;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>Card pieces the order rules share: the draft and its target, the red-flag facts, the delete action.</summary>
public static class OrderCards
{
    /// <summary>O01's override reasons (§5 O01; codes in terminology/CodeSystem-stc-override.json).</summary>
    public static IReadOnlyList<CdsCoding> BiopsyOverrideReasons { get; } =
    [
        new(StcCodes.Systems.Override, StcOverride.BiopsyPlannedWithSarcomaMdt, "Planned with sarcoma MDT"),
        new(StcCodes.Systems.Override, StcOverride.PerformingTeamIsSarcomaCenter, "Ordering team is the sarcoma centre"),
        new(StcCodes.Systems.Override, StcOverride.LesionBenignOnMri, "Benign on cross-sectional imaging"),
        new(StcCodes.Systems.Override, StcOverride.PatientDeclinedReferral, "Patient declined referral"),
        new(StcCodes.Systems.Override, StcOverride.Other, "Other (free text)"),
    ];

    /// <summary>Override reasons of the advisory order cards (O05, O06, O08).</summary>
    public static IReadOnlyList<CdsCoding> AdvisoryOverrideReasons { get; } =
    [
        new(StcCodes.Systems.Override, StcOverride.NotApplicable, "Not applicable to this patient"),
        new(StcCodes.Systems.Override, StcOverride.AlreadyAddressed, "Already addressed"),
        new(StcCodes.Systems.Override, StcOverride.Other, "Other"),
    ];

    /// <summary>"**Draft order:** … / **Target lesion:** … (matched by …)" and the lesion's report sentence.</summary>
    public static StringBuilder Start(DraftOrder draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var detail = CardText.NewDetail();
        detail.Append("**Draft order:** ").AppendLine(draft.Describe());
        if (draft.Target is { } lesion)
        {
            detail.AppendLine();
            detail.Append("**Target lesion:** ").Append(CardText.DescribeFinding(lesion.Finding)).Append(" — matched by ").AppendLine(draft.TargetBasis);
            if (lesion.Finding.Sentence is not null)
            {
                detail.Append("> ").AppendLine(CardText.Quote(lesion.Finding.Sentence));
            }
        }

        return detail;
    }

    /// <summary>The O01 criteria that hold, with their facts, then what could not be determined (§7.6).</summary>
    public static void AppendSuspicion(StringBuilder detail, LesionAssessment lesion, SarcomaSuspicion suspicion)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(lesion);
        ArgumentNullException.ThrowIfNull(suspicion);
        if (suspicion.IsConfirmed)
        {
            detail.AppendLine().AppendLine("**Sarcoma red flags:**");
            LesionCards.AppendFlags(detail, suspicion.Confirmed);
        }

        if (suspicion.MassWithUnknownSizeOrDepth && lesion.Mass is { } mass)
        {
            detail.AppendLine().AppendLine("**Soft-tissue mass with size or depth unknown:**");
            detail.AppendLine(CardText.Fact("Associated mass", mass));
        }

        LesionCards.AppendConflicts(detail, lesion);
        LesionCards.AppendUnknowns(detail, lesion);
        LesionCards.AppendVerifyText(detail, suspicion.Confirmed.Any(f => f.FromText) || lesion.Mass?.FromText == true);
    }

    /// <summary>CDS Hooks 2.0 <c>delete</c> of a draft: <c>resourceId</c> is the draft's relative reference.</summary>
    public static CardAction Delete(DraftOrder draft, string description)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new CardAction { Type = ActionType.Delete, Description = description, ResourceId = draft.Reference };
    }

    /// <summary>The draft's suggestion turned into "replace": same create actions, plus delete of the draft.</summary>
    public static Suggestion Replace(Suggestion create, DraftOrder draft, string label, string deleteDescription)
    {
        ArgumentNullException.ThrowIfNull(create);
        return create with
        {
            Label = label,
            IsRecommended = true,
            Actions = [.. create.Actions ?? [], Delete(draft, deleteDescription)],
        };
    }
}
