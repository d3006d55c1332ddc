using CalcCds.Fhir.Model;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Options;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Lesion;

/// <summary>KNOWN_SARCOMA_CARE (§4.7) with the facts that establish it (empty when false).</summary>
public sealed record SarcomaCareStatus(IReadOnlyList<string> Facts)
{
    public bool Known => Facts.Count > 0;
}

/// <summary>
/// §4.7 KNOWN_SARCOMA_CARE: a known (not merely suspected, §7.5) active lower-limb sarcoma; a sarcoma-centre referral
/// (active, on-hold or completed, ≤ SarcomaCareDays); an Encounter with a configured sarcoma centre (finished,
/// in-progress, or planned = referral pending, §7.4); or a current user in a configured sarcoma-centre role.
/// </summary>
internal static class SarcomaCare
{
    private static readonly HashSet<string> ReferralStatuses = new(StringComparer.Ordinal) { "active", "on-hold", "completed" };
    private static readonly HashSet<string> EncounterStatuses = new(StringComparer.Ordinal) { "finished", "in-progress", "planned" };

    public static SarcomaCareStatus Assess(PatientPicture picture)
    {
        var options = picture.Options.Lesion;
        var since = picture.Now.AddDays(-options.SarcomaCareDays);
        var facts = new List<string>();
        foreach (var match in picture.Conditions.Active(LesionConcepts.LowerLimbSarcoma).Where(m => m.Certainty == Certainty.Known))
        {
            facts.Add($"- Active condition: {match.Fact.Value} ({match.Fact.Reference}{(match.Fact.Date is null ? string.Empty : ", " + match.Fact.Date)})");
        }

        foreach (var referral in Referrals(picture, options, since))
        {
            facts.Add($"- Sarcoma-centre referral: {referral.Ref()} ({referral.Status}, {(referral.AuthoredOn ?? referral.Occurrence)?.Value ?? "date not recorded"})");
        }

        foreach (var encounter in picture.Prefetch.Resources<Encounter>(PrefetchKeys.Encounters))
        {
            if (encounter.Status is { } status && EncounterStatuses.Contains(status)
                && IsCentre(encounter.ServiceProvider, options)
                && (encounter.Period?.Start is not { } start || start.LowerBound >= since || status == "planned"))
            {
                facts.Add($"- Encounter with a sarcoma centre: {encounter.Ref()} ({status}, {encounter.Period?.Start?.Value ?? "date not recorded"})");
            }
        }

        if (picture.UserId is { } user && options.SarcomaCentreRoles.Contains(user, StringComparer.Ordinal))
        {
            facts.Add($"- Current user {user} is a configured sarcoma-centre role");
        }

        return new SarcomaCareStatus(facts);
    }

    /// <summary>Active, on-hold or completed sarcoma-centre referrals within the window (also R01's "referral already exists").</summary>
    public static IEnumerable<ServiceRequest> Referrals(PatientPicture picture, LesionOptions options, DateTimeOffset since) =>
        picture.Prefetch.Resources<ServiceRequest>(PrefetchKeys.ServiceRequests).Where(r =>
            r.Status is { } status && ReferralStatuses.Contains(status)
            && (r.Code.Has(StcCodes.Systems.Order, StcCodes.Order.SarcomaMdtReferral) || (r.Performer ?? []).Any(p => IsCentre(p, options)))
            && (r.AuthoredOn ?? r.Occurrence) is { } when && when.LowerBound >= since);

    public static bool IsCentre(ResourceReference? reference, LesionOptions options)
    {
        if (reference is null)
        {
            return false;
        }

        return options.SarcomaCentres.Any(c =>
            (c.Reference is { Length: > 0 } r && string.Equals(r, reference.Reference, StringComparison.Ordinal))
            || (c.IdentifierValue is { Length: > 0 } value && reference.Identifier?.Value == value
                && (c.IdentifierSystem is null || c.IdentifierSystem == reference.Identifier.System)));
    }
}
