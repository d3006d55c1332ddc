using System.Globalization;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// O02 — an excisional biopsy/excision (CPT 27618, 27632, 27619, 27634, 27615, 27616) of a lesion with concerning
/// features that is not "superficial and &lt; EXCISIONAL_MAX_CM" (clinical-pathway.md §5 O02). Warning. When O01's
/// red-flag criteria are met O01 fires instead and this card is not shown. Not in known sarcoma care, nor when the
/// ordering team is a configured sarcoma centre (§7.7: the centre is the planner).
/// </summary>
[RuleDoc(
    "Order-sign of an excision (CPT 27618, 27632, 27619, 27634, 27615, 27616) of a concerning lesion (concerning pattern, mass or any red flag) that is not superficial and < 3 cm; no known sarcoma care; O01 not firing",
    "warning",
    "Refer to sarcoma centre for a planned core biopsy (as R01)",
    Sources.S3ExcisionalSmall,
    Sources.S3BiopsyPlanning,
    Sources.MdpiExcisional)]
public sealed class O02ExcisionalBiopsy : IRule
{
    public const string RuleId = "O02";

    public const string Summary = "Excisional biopsy fits only superficial lesions <3 cm; this lesion needs a center-planned core biopsy";

    public string Id => RuleId;

    public string Name => "Excisional biopsy/excision outside \"superficial and < 3 cm\"";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.OrderSign };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (picture.KnownSarcomaCare.Known)
        {
            yield break;
        }

        var maxCm = picture.Options.Orders.ExcisionalMaxCm;
        foreach (var draft in picture.Drafts.Where(d => d.Selected && d.Is(DraftOrderKind.Excision) && d.Target is not null))
        {
            var lesion = draft.Target!;
            var concerns = Concerns(lesion);
            if (concerns.Count == 0 || SmallSuperficial(lesion, maxCm)
                || OrderCriteria.CentreExemption(picture, draft) is not null || OrderCriteria.O01Fires(picture, draft))
            {
                continue;
            }

            var detail = OrderCards.Start(draft);
            detail.AppendLine().AppendLine("**Concerning features:**");
            foreach (var concern in concerns)
            {
                detail.AppendLine(concern);
            }

            detail.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture, $"**Why not an excisional biopsy:** it fits only a superficial lesion below {maxCm:0.0#} cm; here {Why(lesion, maxCm)}."));
            LesionCards.AppendUnknowns(detail, lesion);
            detail.AppendLine().AppendLine("Discuss with the sarcoma centre: for deeper or larger lesions it plans an image-guided 14–16 G core-needle biopsy whose tract can be excised at definitive surgery.");
            CardText.AppendSources(detail, Sources.S3ExcisionalSmall, Sources.S3BiopsyPlanning, Sources.MdpiExcisional);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = draft.Reference,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = [LesionOrders.SarcomaReferral(picture, lesion.Finding) with { Label = "Refer to sarcoma centre for a planned core biopsy" }],
                OverrideReasons = OrderCards.BiopsyOverrideReasons,
                FromPreliminaryData = lesion.Finding.IsPreliminary,
            };
        }
    }

    /// <summary>riskClass concerning/concerning-high, a mass present, or any red flag (§5 O02).</summary>
    private static List<string> Concerns(LesionAssessment lesion)
    {
        var concerns = new List<string>();
        foreach (var pattern in lesion.Finding.Patterns.Where(p => PatternRisk.Of(p.Value) is RiskClass.Concerning or RiskClass.ConcerningHigh))
        {
            concerns.Add(CardText.Fact("Concerning pattern", pattern));
        }

        if (lesion.Mass is { Value: Presence.Present } mass)
        {
            concerns.Add(CardText.Fact("Associated mass", mass));
        }

        concerns.AddRange(lesion.TrueFlags.Select(f => $"- {f.Code}: {f.Description}"));
        return concerns;
    }

    private static bool SmallSuperficial(LesionAssessment lesion, decimal maxCm) =>
        lesion.Finding.Depth?.Value == DepthValue.Superficial && lesion.Finding.SizeCm is { } size && size.Value < maxCm;

    private static string Why(LesionAssessment lesion, decimal maxCm)
    {
        var reasons = new List<string>();
        var depth = lesion.Finding.Depth?.Value;
        reasons.Add(depth is null or DepthValue.Indeterminate ? "the depth is not reported" : depth == DepthValue.Deep ? "the lesion is deep" : "the lesion is superficial");
        reasons.Add(lesion.Finding.SizeCm is { } size
            ? string.Create(CultureInfo.InvariantCulture, $"its size is {size.Value:0.##} cm{(size.Value >= maxCm ? string.Empty : " (small)")}")
            : "its size is not reported");
        return string.Join(" and ", reasons);
    }
}
