using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Rules.Lesion;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// O01 — a biopsy of a red-flag lesion is about to be signed without sarcoma-centre referral (clinical-pathway.md §5
/// O01). Critical when a red flag is confirmed, warning when only "mass with size/depth unknown"; §7.6: critical
/// downgrades to warning when the referral status could not be checked. Protected from the budget. Not in known
/// sarcoma care, not when the performer or requester is a configured sarcoma centre. Suggestions (at most one):
/// refer instead (create referral + delete the biopsy draft), or refer and keep the biopsy on hold (create only).
/// </summary>
[RuleDoc(
    "Order-sign of a biopsy (CPT 20206, 27613–27619, 27632, 27634, 10005–10012, 10021; LOINC image-guided biopsy/FNA) of a lesion with RF_DEEP/SIZE/RAPID_GROWTH/BONE/MATRIX, or a mass with unknown size or depth; no known sarcoma care; performer/requester not a configured sarcoma centre",
    "critical (red flag confirmed) · warning (size/depth unknown, or referral status cannot be verified); never dropped by the budget",
    "Refer to sarcoma centre (create referral + delete the biopsy draft), or refer and keep the biopsy on hold (at-most-one)",
    Sources.S3BiopsyPlanning,
    Sources.S3BiopsyPitfall,
    Sources.S3BiopsyTract,
    Sources.S1BiopsyAfterImaging,
    Sources.Esmo2014,
    Sources.Uk2024CoreBiopsy)]
public sealed class O01BiopsyWithoutReferral : IRule
{
    public const string RuleId = "O01";

    public const string CriticalSummary = "Biopsy ordered for a possible sarcoma without sarcoma-center referral: refer first, let the center plan it";

    public const string WarningSummary = "Biopsy of a calcified leg mass with unknown size/depth: confirm sarcoma triage before biopsy";

    public const string ReferralNotVerified = "Could not verify referral status: the patient's ServiceRequests were not available, so an existing sarcoma-centre referral may have been missed.";

    public string Id => RuleId;

    public string Name => "Biopsy of a red-flag lesion without sarcoma-centre referral";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.OrderSign };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var draft in picture.Drafts.Where(d => OrderCriteria.O01Fires(picture, d)))
        {
            var lesion = draft.Target!;
            var suspicion = SarcomaSuspicion.Of(lesion);
            var verified = OrderCriteria.ReferralStatusKnown(picture);
            var critical = suspicion.IsConfirmed && verified;
            var drafted = OrderCriteria.DraftedReferrals(picture).ToList();
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = draft.Reference,
                Indicator = critical ? CardIndicator.Critical : CardIndicator.Warning,
                Summary = suspicion.IsConfirmed ? CriticalSummary : WarningSummary,
                Detail = Detail(draft, suspicion, verified, drafted),
                Suggestions = drafted.Count > 0 ? [HoldBiopsy(draft)] : Suggestions(picture, draft),
                SelectionBehavior = SelectionBehavior.AtMostOne,
                OverrideReasons = OrderCards.BiopsyOverrideReasons,
                Protected = true,
                FromPreliminaryData = lesion.Finding.IsPreliminary,
            };
        }
    }

    private static IReadOnlyList<Suggestion> Suggestions(PatientPicture picture, DraftOrder draft)
    {
        var referral = LesionOrders.SarcomaReferral(picture, draft.Target!.Finding);
        return
        [
            OrderCards.Replace(referral, draft, "Refer to sarcoma centre instead", "Remove the biopsy draft " + draft.Describe()),
            referral with { Label = "Refer and keep the biopsy order on hold" },
        ];
    }

    /// <summary>A referral is being signed with the biopsy: the centre plans the biopsy, so only removing it is offered.</summary>
    private static Suggestion HoldBiopsy(DraftOrder draft) => new()
    {
        Label = "Remove the biopsy draft; let the sarcoma centre plan it",
        IsRecommended = true,
        Actions = [OrderCards.Delete(draft, "Remove the biopsy draft " + draft.Describe())],
    };

    private static string Detail(DraftOrder draft, SarcomaSuspicion suspicion, bool verified, List<DraftOrder> draftedReferrals)
    {
        var lesion = draft.Target!;
        var detail = OrderCards.Start(draft);
        OrderCards.AppendSuspicion(detail, lesion, suspicion);
        if (!verified)
        {
            detail.AppendLine().AppendLine(ReferralNotVerified);
        }
        else
        {
            detail.AppendLine().AppendLine("No active or completed sarcoma-centre referral, sarcoma-centre encounter or known lower-limb sarcoma was found (KNOWN_SARCOMA_CARE false).");
        }

        if (draftedReferrals.Count > 0)
        {
            detail.Append("A sarcoma-centre referral is among the orders being signed (").Append(string.Join(", ", draftedReferrals.Select(d => d.Reference)))
                .AppendLine("): let the centre plan the biopsy rather than signing both now.");
        }

        detail.AppendLine().AppendLine("**Why refer first**")
            .AppendLine("- An unplanned biopsy of a sarcoma can contaminate tissue planes and compromise limb-sparing surgery.")
            .AppendLine("- For deep or large lesions, the sarcoma centre plans an image-guided **14–16 G core-needle** biopsy whose tract can be excised at definitive surgery.")
            .AppendLine("- Frozen section is not advised.")
            .AppendLine("- Excisional biopsy only for superficial lesions < 3 cm.");
        CardText.AppendSources(detail, Sources.S3BiopsyPlanning, Sources.S3BiopsyPitfall, Sources.S3BiopsyTract, Sources.S1BiopsyAfterImaging, Sources.Esmo2014, Sources.Uk2024CoreBiopsy);
        return CardText.Finish(detail);
    }
}
