using CalcCds.Hooks.Prefetch;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// §5 O01's red-flag criteria on a target lesion: RF_DEEP, RF_SIZE, RF_RAPID_GROWTH, RF_BONE or RF_MATRIX
/// (<see cref="Confirmed"/>), or an associated mass present with size or depth unknown (<see cref="MassWithUnknownSizeOrDepth"/>).
/// RF_PAIN is not among them.
/// </summary>
public sealed record SarcomaSuspicion(IReadOnlyList<RedFlag> Confirmed, bool MassWithUnknownSizeOrDepth)
{
    public bool Meets => Confirmed.Count > 0 || MassWithUnknownSizeOrDepth;

    public bool IsConfirmed => Confirmed.Count > 0;

    public static SarcomaSuspicion Of(LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(lesion);
        var confirmed = new[] { lesion.Deep, lesion.Size, lesion.RapidGrowth, lesion.Bone, lesion.Matrix }.Where(f => f.IsTrue).ToList();
        var massUnknown = lesion.Mass?.Value == Presence.Present && (lesion.Size.IsUnknown || lesion.Deep.IsUnknown);
        return new SarcomaSuspicion(confirmed, massUnknown);
    }
}

/// <summary>The conditions the order rules share, so a lower rule reads the same test as the higher one (O01 &gt; O02).</summary>
public static class OrderCriteria
{
    /// <summary>
    /// O01 fires for this draft: a selected biopsy draft whose target lesion meets O01's red-flag criteria, outside
    /// known sarcoma care, not ordered or performed by a configured sarcoma centre.
    /// </summary>
    public static bool O01Fires(PatientPicture picture, DraftOrder draft)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Selected && draft.Is(DraftOrderKind.Biopsy) && draft.Target is { } lesion
            && SarcomaSuspicion.Of(lesion).Meets
            && !picture.KnownSarcomaCare.Known
            && CentreExemption(picture, draft) is null;
    }

    /// <summary>
    /// The draft's performer or requester is a configured sarcoma centre (Organization/HealthcareService reference or
    /// identifier), or the requester is a configured sarcoma-centre PractitionerRole: the planners order it themselves.
    /// Returns the fact for the card, or null.
    /// </summary>
    public static string? CentreExemption(PatientPicture picture, DraftOrder draft)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(draft);
        var options = picture.Options.Lesion;
        if ((draft.Request.Performer ?? []).FirstOrDefault(p => SarcomaCare.IsCentre(p, options)) is { } performer)
        {
            return $"performer {performer.Reference ?? performer.Identifier?.Value} is a configured sarcoma centre";
        }

        var requester = draft.Request.Requester;
        if (SarcomaCare.IsCentre(requester, options)
            || (requester?.Reference is { } role && options.SarcomaCentreRoles.Contains(role, StringComparer.Ordinal)))
        {
            return $"requester {requester!.Reference ?? requester.Identifier?.Value} is a configured sarcoma centre";
        }

        return null;
    }

    /// <summary>
    /// Whether an existing sarcoma-centre referral could be looked for: the ServiceRequest search was answered with a
    /// Bundle. Otherwise §7.6 applies (O01 downgrades to warning, "could not verify referral status").
    /// </summary>
    public static bool ReferralStatusKnown(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return picture.Prefetch[PrefetchKeys.ServiceRequests] is { Resource: not null, Source: not PrefetchSource.NotApplicable };
    }

    /// <summary>The lesion's sarcoma-centre referrals in the drafts (being signed with the biopsy).</summary>
    public static IEnumerable<DraftOrder> DraftedReferrals(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return picture.Drafts.Where(d => d.Is(DraftOrderKind.SarcomaReferral));
    }
}
