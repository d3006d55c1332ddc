using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// O08 — the side of an imaging, biopsy or referral draft (bodySite laterality, or a side-specific LOINC such as
/// 38051-9 right vs 38040-2 left) differs from the side of its target lesion, and the lesion isn't bilateral
/// (clinical-pathway.md §5 O08). Warning, on order-select and order-sign. §7.6: no card when either side is not
/// recorded. A bilateral order covers both sides and is not a mismatch.
/// </summary>
[RuleDoc(
    "Order-select/order-sign of imaging, biopsy or referral whose side (bodySite laterality or side-specific LOINC) differs from the target lesion's side; lesion not bilateral; both sides known",
    "warning",
    "—",
    Sources.LateralityCheck)]
public sealed class O08LateralityMismatch : IRule
{
    public const string RuleId = "O08";

    public const string Summary = "Order side differs from the side of the calcified lesion: please verify laterality";

    private const DraftOrderKind SidedOrders = DraftOrderKind.Biopsy | DraftOrderKind.Mri | DraftOrderKind.Radiograph | DraftOrderKind.Ultrasound
        | DraftOrderKind.Ct | DraftOrderKind.Vascular | DraftOrderKind.SarcomaReferral;

    public string Id => RuleId;

    public string Name => "Laterality mismatch";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.OrderSelect, HookDefinitions.OrderSign };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var draft in picture.Drafts.Where(d => d.Selected && (d.Kinds & SidedOrders) != 0 && d.Target is not null))
        {
            var lesion = draft.Target!;
            if (draft.Side is not { } orderSide || orderSide == Laterality.Bilateral
                || lesion.Finding.Laterality is not { } lesionSide || lesionSide.Value == Laterality.Bilateral || lesionSide.Value == orderSide)
            {
                continue;
            }

            var detail = OrderCards.Start(draft);
            detail.AppendLine().AppendLine("**Sides:**")
                .Append("- Order: ").Append(Side(orderSide)).Append(" (").Append(draft.SideSource).Append(", ").Append(draft.Reference).AppendLine(")")
                .AppendLine(CardText.Fact("Lesion", lesionSide));
            var other = picture.Lesions.Where(l => l.Finding.Laterality?.Value == orderSide).ToList();
            detail.AppendLine().AppendLine(other.Count > 0
                ? "There is also an index finding on the order's side: " + string.Join("; ", other.Select(l => CardText.DescribeFinding(l.Finding))) + ". Check which lesion the order is for."
                : "No index finding is recorded on the order's side.");
            CardText.AppendSources(detail, Sources.LateralityCheck);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = draft.Reference,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                OverrideReasons = OrderCards.AdvisoryOverrideReasons,
                FromPreliminaryData = lesion.Finding.IsPreliminary,
            };
        }
    }

    private static string Side(Laterality side) => side.ToString().ToLowerInvariant();
}
