using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R17 — chronic venous insufficiency context → dystrophic calcification; duplex if CVI is not established (§5).
/// Fires for a calf / lower-leg calcification that is dystrophic, of unreported mechanism, or subcutaneous, with a
/// CVI Condition or recorded venous signs (oedema, varices). A confirmed CVI diagnosis gives the card without a
/// suggestion; otherwise it suggests a venous duplex unless one was ordered or done within 24 months (then no card).
/// </summary>
[RuleDoc(
    "Calf/lower-leg dystrophic, unreported-mechanism or subcutaneous calcification with a CVI diagnosis or venous signs",
    "info",
    "Venous duplex if CVI is not established",
    Sources.S1VenousInsufficiency)]
public sealed class R17ChronicVenousInsufficiency : IRule
{
    public const string RuleId = "R17";

    public const string Summary = "Chronic venous insufficiency can cause dystrophic calf calcification; confirm with venous duplex if unproven";

    private const int RecentDuplexDays = 730;

    /// <summary>"Calf/lower-leg calcification": thigh and knee lesions are not the calf; an unspecified lower-limb
    /// site is kept, because the radiograph of §1.4 is of the leg.</summary>
    private static readonly HashSet<string> CalfSites = new(StringComparer.Ordinal)
    {
        SnomedCodes.BodySite.Calf, SnomedCodes.BodySite.LowerLeg, SnomedCodes.BodySite.Ankle, SnomedCodes.BodySite.LowerLimb,
    };

    public string Id => RuleId;

    public string Name => "Chronic venous insufficiency context";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var finding in picture.IndexFindings)
        {
            var side = finding.Laterality?.Value;
            var cvi = picture.Context.ChronicVenousInsufficiency.AtSide(side);
            var signs = picture.Context.VenousDiseaseSigns.AtSide(side);
            var descriptors = FindingDescriptors.Of(finding);
            var subcutaneous = descriptors.Location(StcCodes.Location.Subcutaneous);
            var dystrophic = descriptors.Mechanism?.Value is null or StcCodes.Mechanism.Dystrophic;
            var atCalf = finding.BodySite is null || CalfSites.Contains(finding.BodySite.Value);
            if (!atCalf || !(dystrophic || subcutaneous is not null) || !(cvi.IsSet || signs.IsSet))
            {
                continue;
            }

            var confirmed = cvi.Evidence.Any(e => e.Certainty == Certainty.Known);
            if (!confirmed && VenousDuplex.RecentlyOrdered(picture, RecentDuplexDays, side))
            {
                continue;
            }

            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Facts:**").Evidence("Chronic venous insufficiency", cvi).Evidence("Venous disease sign", signs)
                .Fact("Mechanism", descriptors.Mechanism).Fact("Location", subcutaneous);
            detail.Paragraph("Chronic venous insufficiency can lead to dystrophic calcification of the calf.");
            var suggestions = new List<Suggestion>();
            if (confirmed)
            {
                detail.Paragraph("CVI is already diagnosed: the calcification fits it; no duplex is needed for this question.");
            }
            else
            {
                detail.Paragraph("CVI is not confirmed and no venous duplex is on record in the last 24 months: a venous duplex confirms it.");
                suggestions.Add(ContextOrders.Suggest(picture, finding, VenousDuplex.For(side), "Order duplex venous ultrasound"));
                if (side is null)
                {
                    detail.Paragraph(ContextOrders.SideNotRecorded);
                }
            }

            detail.VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S1VenousInsufficiency);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = finding.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = suggestions,
                FromPreliminaryData = finding.IsPreliminary,
                OverrideReasons = ContextText.OverrideReasons,
            };
        }
    }
}
