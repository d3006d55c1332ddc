using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// O05 — MRI chosen first when ultrasound is the preferred first advanced imaging (clinical-pathway.md §5 O05): a
/// lower-limb MRI draft for a non-specific or concerning lesion with no mass, not deep, no red flag, no ultrasound in
/// the last 90 days (PRIOR_US), outside known sarcoma care and not requested by a sarcoma-centre role (§7.7). Info.
/// Suggestions (at most one): replace the MRI with ultrasound, or add ultrasound and keep the MRI.
/// </summary>
[RuleDoc(
    "Order-select of a lower-limb MRI for a non-specific/concerning lesion without mass, not deep, no red flag, no prior US; requester not a sarcoma centre",
    "info",
    "Replace with US lower extremity (CPT 76882, side-specific LOINC) + delete the MRI draft, or add US and keep the MRI (at-most-one)",
    Sources.S1UltrasoundFirst,
    Sources.S1UltrasoundThenMri,
    Sources.AcrVariant1)]
public sealed class O05MriBeforeUltrasound : IRule
{
    public const string RuleId = "O05";

    public const string Summary = "Ultrasound is the preferred first advanced imaging for this calcification; consider it before MRI";

    private static readonly HashSet<RiskClass> UltrasoundFirstClasses = [RiskClass.Nonspecific, RiskClass.Concerning];

    public string Id => RuleId;

    public string Name => "MRI chosen first when ultrasound is the preferred first advanced imaging";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.OrderSelect };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (picture.KnownSarcomaCare.Known)
        {
            yield break;
        }

        var ultrasoundDrafted = picture.Drafts.Where(d => d.Is(DraftOrderKind.Ultrasound) && d.Target is not null).Select(d => d.Target!).ToList();
        foreach (var draft in picture.Drafts.Where(d => d.Selected && d.Is(DraftOrderKind.Mri) && d.Target is not null))
        {
            var lesion = draft.Target!;
            if (!Applies(lesion) || ultrasoundDrafted.Contains(lesion) || RequesterIsCentreRole(picture, draft)
                || picture.PriorImaging(lesion.Index, ImagingModality.Ultrasound) is not null)
            {
                continue;
            }

            var detail = OrderCards.Start(draft);
            detail.AppendLine().AppendLine("**Why ultrasound first:**");
            foreach (var pattern in lesion.Finding.Patterns)
            {
                detail.AppendLine(CardText.Fact("Pattern", pattern));
            }

            if (!lesion.PatternKnown)
            {
                detail.AppendLine("- Calcification pattern not reported; treated as non-specific.");
            }

            detail.AppendLine(lesion.Mass is { } mass ? CardText.Fact("Associated mass", mass) : "- Presence of a soft-tissue mass not stated.");
            detail.AppendLine(lesion.Finding.Depth is { } depth ? CardText.Fact("Depth", depth) : "- Relationship to the deep fascia not reported.");
            detail.AppendLine("- No sarcoma red flag; no soft-tissue ultrasound of this side in the last " + picture.Options.Lesion.PriorImagingDays + " days.");
            detail.AppendLine().AppendLine("For a non-specific superficial calcification without a mass, US is the preferred initial advanced test. Add MRI if US is inconclusive or shows a mass.")
                .AppendLine("ACR (superficial/palpable): MRI without and with IV contrast is \"usually not appropriate\" as the initial study; US is \"usually appropriate\".");
            LesionCards.AppendVerifyText(detail, lesion.Finding.AnyFromText);
            CardText.AppendSources(detail, Sources.S1UltrasoundFirst, Sources.S1UltrasoundThenMri, Sources.AcrVariant1);
            var ultrasound = LesionOrders.Ultrasound(picture, lesion.Finding, urgent: false);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = draft.Reference,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions =
                [
                    OrderCards.Replace(ultrasound, draft, "Replace the MRI with a soft-tissue ultrasound", "Remove the MRI draft " + draft.Describe()),
                    ultrasound with { Label = "Add ultrasound and keep the MRI" },
                ],
                SelectionBehavior = SelectionBehavior.AtMostOne,
                OverrideReasons = OrderCards.AdvisoryOverrideReasons,
                FromPreliminaryData = lesion.Finding.IsPreliminary,
            };
        }
    }

    /// <summary>
    /// riskClass non-specific or concerning (a missing pattern counts as non-specific, §7.6), associated mass not
    /// present, not deep, and no red flag at all (counted, aggressive or increasing) — §5 O05 and its "Suppress if".
    /// </summary>
    public static bool Applies(LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.RiskClasses.All(UltrasoundFirstClasses.Contains)
            && lesion.Mass?.Value != Presence.Present
            && lesion.Finding.Depth?.Value != DepthValue.Deep && !lesion.Deep.IsTrue
            && !LesionCards.AnyRedFlag(lesion);
    }

    private static bool RequesterIsCentreRole(PatientPicture picture, DraftOrder draft) =>
        draft.Request.Requester?.Reference is { } requester && picture.Options.Lesion.SarcomaCentreRoles.Contains(requester, StringComparer.Ordinal);
}
