using System.Globalization;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// O03 — a biopsy of a lesion meeting O01's red-flag criteria is drafted with a needle thinner than 16 G
/// (<c>orderDetail</c> stc-order#needle-gauge &gt; 16) or as an FNA (clinical-pathway.md §5 O03). Warning. The spec
/// gives O03 no sarcoma-care exemption (§7.7 lists only R01/O01/O02/O05), so it also reminds a sarcoma centre.
/// </summary>
[RuleDoc(
    "Order-sign of a biopsy of a lesion meeting O01's criteria with needle gauge > 16 (orderDetail stc-order#needle-gauge) or an FNA code",
    "warning",
    "—",
    Sources.S3CoreNeedle,
    Sources.FnaSecondary)]
public sealed class O03ThinNeedleOrFna : IRule
{
    public const string RuleId = "O03";

    public const string Summary = "Suspected sarcoma: use image-guided 14–16 G core needle biopsy; fine-needle aspiration is not advised";

    public string Id => RuleId;

    public string Name => "Needle gauge thinner than 16 G, or FNA, for a suspected sarcoma";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.OrderSign };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var draft in picture.Drafts.Where(d => d.Selected && d.Is(DraftOrderKind.Biopsy) && d.Target is not null))
        {
            var suspicion = SarcomaSuspicion.Of(draft.Target!);
            var gauge = NeedleGauge.Of(draft.Request);
            var thin = gauge > OrderCodes.ThinnestCoreGauge;
            var fna = draft.Is(DraftOrderKind.Fna);
            if (!suspicion.Meets || !(thin || fna))
            {
                continue;
            }

            var detail = OrderCards.Start(draft);
            detail.AppendLine().AppendLine("**Technique ordered:**");
            if (fna)
            {
                detail.AppendLine("- Fine-needle aspiration (FNA code in the draft).");
            }

            if (thin)
            {
                detail.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- Needle gauge {gauge} G (orderDetail stc-order#needle-gauge): thinner than 16 G."));
            }

            OrderCards.AppendSuspicion(detail, draft.Target!, suspicion);
            detail.AppendLine().AppendLine("Gauge numbers run inversely to bore: \"≥14–16G\" means **14 to 16 gauge or larger bore**. 18 G and above is thinner.");
            CardText.AppendSources(detail, Sources.S3CoreNeedle, Sources.FnaSecondary);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = draft.Reference,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                FromPreliminaryData = draft.Target!.Finding.IsPreliminary,
            };
        }
    }
}
