using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R16 — phleboliths → venous origin; haemangioma / venous malformation only when clustered within a mass (§5).
/// Variant A (no mass): reassurance. Variant B (mass present, or location within-mass): image the mass with US
/// unless an ultrasound was ordered or done in the last 90 days (then MRI, R08). Both info; the mass still gets the
/// size/depth triage of R01 (§7.7).
/// </summary>
[RuleDoc(
    "Phleboliths: reassurance without a mass; with a mass (or within a mass), image the mass",
    "info",
    "US soft tissue only if clustered in a mass (MRI if US was recent)",
    Sources.S1Phleboliths,
    Sources.S2PhlebolithHemangioma,
    Sources.S0HemangiomaPhleboliths,
    Sources.S1ArterialVenous)]
public sealed class R16Phleboliths : IRule
{
    public const string RuleId = "R16";

    public const string IsolatedSummary = "Phleboliths (round calcifications with central lucency): venous origin, usually benign";

    public const string InMassSummary = "Phleboliths clustered in a soft-tissue mass: consider hemangioma/venous malformation; image the mass";

    /// <summary>PRIOR_US window (§4.7).</summary>
    private const int PriorUltrasoundDays = 90;

    public string Id => RuleId;

    public string Name => "Phleboliths";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var finding in picture.IndexFindings)
        {
            var venous = ContextFlags.VascularVenous(finding);
            if (!venous.IsSet)
            {
                continue;
            }

            var withinMass = FindingDescriptors.Of(finding).Location(StcCodes.Location.WithinMass);
            var inMass = finding.AssociatedMass?.Value == Presence.Present || withinMass is not null;
            var side = finding.Laterality?.Value;
            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Facts:**").Evidence("Venous-type calcification", venous)
                .Fact("Associated mass", finding.AssociatedMass).Fact("Location", withinMass);
            detail.Paragraph("Phleboliths are calcified thrombi in veins, including peripheral leg veins.");
            var suggestions = new List<Suggestion>();
            if (inMass)
            {
                detail.Paragraph("Within a soft-tissue mass they suggest hemangioma or venous malformation. The mass still needs characterisation by US/MRI and the standard size/depth triage (R01).");
                if (ContextOrders.RecentlyOrdered(picture, ContextOrderCodes.SoftTissueUltrasound.AllLoinc, new HashSet<string>(StringComparer.Ordinal) { ContextOrderCodes.SoftTissueUltrasound.CptLimited }, PriorUltrasoundDays, side))
                {
                    detail.Paragraph($"An ultrasound is already ordered or done (≤ {PriorUltrasoundDays} days): if it did not characterise the mass, MRI is next (R08).");
                }
                else
                {
                    suggestions.Add(ContextOrders.Suggest(picture, finding, UltrasoundOrder(side), "Order ultrasound of the soft-tissue mass"));
                    if (side is null)
                    {
                        detail.Paragraph(ContextOrders.SideNotRecorded);
                    }
                }
            }
            else
            {
                detail.Paragraph("Isolated phleboliths without a mass are of venous origin and usually benign; no imaging is needed for them.");
            }

            detail.VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S1Phleboliths, Sources.S2PhlebolithHemangioma, Sources.S0HemangiomaPhleboliths, Sources.S1ArterialVenous);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = finding.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = inMass ? InMassSummary : IsolatedSummary,
                Detail = CardText.Finish(detail),
                Suggestions = suggestions,
                FromPreliminaryData = finding.IsPreliminary,
                OverrideReasons = ContextText.OverrideReasons,
            };
        }
    }

    private static OrderCode UltrasoundOrder(Laterality? side) => new(
        ContextOrders.BySide(side, ContextOrderCodes.SoftTissueUltrasound.LoincRight, ContextOrderCodes.SoftTissueUltrasound.LoincLeft, ContextOrderCodes.SoftTissueUltrasound.LoincUnspecified, ContextOrderCodes.SoftTissueUltrasound.LoincUnspecified),
        side switch
        {
            Laterality.Right => "US Lower extremity - right",
            Laterality.Left => "US Lower extremity - left",
            _ => "US Lower extremity",
        },
        ContextOrderCodes.SoftTissueUltrasound.CptLimited,
        "Ultrasound, extremity, nonvascular, limited");
}
