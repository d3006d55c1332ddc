using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// O04 — frozen-section pathology (CPT 88331/88332, or a local orderable named "frozen section") drafted with a
/// biopsy of a lesion meeting O01's criteria (clinical-pathway.md §5 O04). "Linked" = the frozen section's basedOn
/// names the biopsy draft, or, without basedOn, a biopsy is among the same drafts. Warning; suggests deleting the
/// frozen-section draft.
/// </summary>
[RuleDoc(
    "Order-sign of a frozen section (CPT 88331/88332 or a \"frozen section\" orderable) linked to a biopsy of a lesion meeting O01's criteria",
    "warning",
    "Delete the frozen-section draft",
    Sources.S3FrozenSection,
    Sources.Uk2024CoreBiopsy)]
public sealed class O04FrozenSection : IRule
{
    public const string RuleId = "O04";

    public const string Summary = "Frozen section is not advised for diagnosing a suspected soft-tissue sarcoma (may underestimate grade)";

    public string Id => RuleId;

    public string Name => "Frozen section for suspected sarcoma";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.OrderSign };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var biopsies = picture.Drafts.Where(d => d.Is(DraftOrderKind.Biopsy) && d.Target is not null && SarcomaSuspicion.Of(d.Target).Meets).ToList();
        foreach (var frozen in picture.Drafts.Where(d => d.Selected && d.Is(DraftOrderKind.FrozenSection)))
        {
            var basedOn = (frozen.Request.BasedOn ?? []).Select(b => b.Reference).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var biopsy = basedOn.Count > 0 ? biopsies.FirstOrDefault(b => basedOn.Contains(b.Reference)) : biopsies.FirstOrDefault();
            if (biopsy is null)
            {
                continue;
            }

            var detail = OrderCards.Start(frozen);
            detail.AppendLine().Append("**Linked biopsy:** ").Append(biopsy.Describe())
                .AppendLine(basedOn.Count > 0 ? " (named in the frozen section's basedOn)" : " (in the same order set)");
            detail.AppendLine().Append("**Biopsy target:** ").AppendLine(CardText.DescribeFinding(biopsy.Target!.Finding));
            OrderCards.AppendSuspicion(detail, biopsy.Target!, SarcomaSuspicion.Of(biopsy.Target!));
            detail.AppendLine().AppendLine("Frozen section may underestimate the grade of a soft-tissue sarcoma: send the core biopsy for routine histology reviewed by a sarcoma pathologist.");
            CardText.AppendSources(detail, Sources.S3FrozenSection, Sources.Uk2024CoreBiopsy);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = frozen.Reference,
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions =
                [
                    new Suggestion
                    {
                        Label = "Remove the frozen-section order",
                        IsRecommended = true,
                        Actions = [OrderCards.Delete(frozen, "Remove " + frozen.Describe())],
                    },
                ],
                FromPreliminaryData = biopsy.Target!.Finding.IsPreliminary,
            };
        }
    }
}
