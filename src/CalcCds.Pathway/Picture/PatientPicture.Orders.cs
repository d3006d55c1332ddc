using CalcCds.Pathway.Rules.Orders;

namespace CalcCds.Pathway.Picture;

/// <summary>The order area's derived facts: the draft orders classified and matched to their target lesion (§5).</summary>
public sealed partial record PatientPicture
{
    private IReadOnlyList<DraftOrder>? drafts;

    /// <summary>The draft ServiceRequests of the order hook, classified by §2.5 code set, with their target lesion.</summary>
    public IReadOnlyList<DraftOrder> Drafts => drafts ??= DraftOrderMatcher.Match(this);
}
