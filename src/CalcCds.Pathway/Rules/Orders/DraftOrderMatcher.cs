using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// §5 "How draft orders are matched": each draft is classified by any of its LOINC, CPT or SNOMED codings, and its
/// target lesion is (1) the lesion its reasonReference names; else (2) the index lesion on the same side whose site
/// the draft's bodySite subsumes; else (3), without a bodySite, the most recent index lesion.
/// </summary>
public static class DraftOrderMatcher
{
    public static IReadOnlyList<DraftOrder> Match(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var selections = picture.Selections.ToHashSet(StringComparer.Ordinal);
        var selectAll = picture.Hook != HookDefinitions.OrderSelect || selections.Count == 0;
        return picture.DraftOrders.Select(request =>
        {
            var (side, sideSource) = SideOf(request);
            var site = SiteOf(request);
            var (target, basis) = TargetOf(picture, request, side, site);
            return new DraftOrder
            {
                Request = request,
                Kinds = Classify(request),
                Side = side,
                SideSource = sideSource,
                BodySite = site,
                Target = target,
                TargetBasis = basis,
                Selected = selectAll || selections.Contains(request.Ref()),
            };
        }).ToList();
    }

    public static DraftOrderKind Classify(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = request.Code;
        var kinds = DraftOrderKind.None;
        if (In(code, OrderCodes.Excision))
        {
            kinds |= DraftOrderKind.Excision | DraftOrderKind.Biopsy;
        }

        if (In(code, OrderCodes.Fna))
        {
            kinds |= DraftOrderKind.Fna | DraftOrderKind.Biopsy;
        }

        if (In(code, OrderCodes.Biopsy))
        {
            kinds |= DraftOrderKind.Biopsy;
        }

        if (In(code, OrderCodes.FrozenSection) || Mentions(code, OrderCodes.Words.FrozenSection))
        {
            kinds |= DraftOrderKind.FrozenSection;
        }

        kinds |= In(code, OrderCodes.Mri) ? DraftOrderKind.Mri : DraftOrderKind.None;
        kinds |= In(code, OrderCodes.Radiograph) ? DraftOrderKind.Radiograph : DraftOrderKind.None;
        kinds |= In(code, OrderCodes.Ultrasound) ? DraftOrderKind.Ultrasound : DraftOrderKind.None;
        kinds |= In(code, OrderCodes.Ct) ? DraftOrderKind.Ct : DraftOrderKind.None;
        kinds |= In(code, OrderCodes.Vascular) ? DraftOrderKind.Vascular : DraftOrderKind.None;
        if (In(code, OrderCodes.Referral) || code.Has(StcCodes.Systems.Order, StcCodes.Order.SarcomaMdtReferral))
        {
            kinds |= DraftOrderKind.SarcomaReferral;
        }

        return kinds;
    }

    /// <summary>Any coding of the set: LOINC, CPT or SNOMED.</summary>
    public static bool In(CodeableConcept? code, OrderCodes.CodeSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return code.HasAny(FhirSystems.Loinc, set.Loincs) || code.HasAny(FhirSystems.Cpt, set.Cpts) || code.HasAny(FhirSystems.Snomed, set.Snomeds);
    }

    /// <summary>The concept's text or a display contains one of the words (case-insensitive).</summary>
    public static bool Mentions(CodeableConcept? concept, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (concept is null)
        {
            return false;
        }

        var texts = (concept.Coding ?? []).Select(c => c.Display).Append(concept.Text).OfType<string>();
        return texts.Any(t => words.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Side from the bodySite laterality qualifier (mCODE extension, or a laterality coding), else a side-specific LOINC.</summary>
    private static (Laterality? Side, string? Source) SideOf(ServiceRequest request)
    {
        foreach (var site in request.BodySite ?? [])
        {
            var qualifier = site.Extension?.FirstOrDefault(e => e.Url == FhirSystems.McodeLateralityExtension)?.ValueCodeableConcept.CodeIn(SnomedCodes.System)
                ?? site.Coding?.Select(c => c.System == SnomedCodes.System ? c.Code : null).FirstOrDefault(IsLaterality);
            if (FromSnomed(qualifier) is { } side)
            {
                return (side, "bodySite laterality");
            }
        }

        foreach (var coding in request.Code?.Coding ?? [])
        {
            if (coding.System == FhirSystems.Loinc && coding.Code is { } loinc
                && OrderCodes.SideOfLoinc.TryGetValue(loinc, out var code) && FromSnomed(code) is { } side)
            {
                return (side, "side-specific LOINC " + loinc);
            }
        }

        return (null, null);
    }

    private static bool IsLaterality(string? code) =>
        code is SnomedCodes.Laterality.Right or SnomedCodes.Laterality.Left or SnomedCodes.Laterality.Bilateral;

    private static Laterality? FromSnomed(string? code) => code switch
    {
        SnomedCodes.Laterality.Right => Laterality.Right,
        SnomedCodes.Laterality.Left => Laterality.Left,
        SnomedCodes.Laterality.Bilateral => Laterality.Bilateral,
        _ => null,
    };

    private static string? SiteOf(ServiceRequest request) =>
        (request.BodySite ?? []).SelectMany(b => b.Coding ?? [])
            .Where(c => c.System == SnomedCodes.System && c.Code is not null && !IsLaterality(c.Code))
            .Select(c => c.Code)
            .FirstOrDefault();

    private static (LesionAssessment? Target, string Basis) TargetOf(PatientPicture picture, ServiceRequest request, Laterality? side, string? site)
    {
        var lesions = picture.Lesions;
        if (lesions.Count == 0)
        {
            return (null, "no index lesion");
        }

        // (1) reasonReference names the finding (or one of the lesion's reports). A reason that names no lesion is
        // treated as absent, so the order still gets a target by site.
        foreach (var reason in request.ReasonReference ?? [])
        {
            if (reason.Reference is { } reference && lesions.FirstOrDefault(l => Names(l, reference)) is { } named)
            {
                return (named, "reasonReference " + reference);
            }
        }

        // (3) no bodySite: the most recent index lesion (IndexFindings are most recent first).
        if (site is null)
        {
            return (lesions[0], "most recent index lesion (the order has no bodySite)");
        }

        // (2) same side and a site the draft's bodySite subsumes. A lower-limb order whose side matches no lesion still
        // targets the lesion its site covers, so a wrong side is reported (O08) instead of silently unmatched.
        var covered = lesions.Where(l => Subsumes(site, l.Finding.BodySite?.Value)).ToList();
        if (covered.FirstOrDefault(l => side is null || l.Finding.Laterality?.Value == side) is { } sameSide)
        {
            return (sameSide, side is null ? "bodySite (order side not recorded)" : "same side and bodySite");
        }

        return covered.Count > 0 ? (covered[0], "bodySite (a different side)") : (null, "bodySite outside the index lesions' sites");
    }

    private static bool Names(LesionAssessment lesion, string reference) =>
        lesion.Index.Reference == reference || lesion.Finding.Reference == reference || lesion.Reports.Any(r => r.Finding.Reference == reference);

    /// <summary>
    /// "bodySite subsumed by the draft's bodySite" over the flat §2.1 site list (no terminology server): the same site,
    /// the lower limb over every lower-limb site, the lower leg over the calf. A lesion without a site is covered by
    /// any lower-limb order site.
    /// </summary>
    public static bool Subsumes(string orderSite, string? lesionSite)
    {
        ArgumentNullException.ThrowIfNull(orderSite);
        if (!LowerLimb.Sites.Contains(orderSite))
        {
            return false;
        }

        return lesionSite is null
            || orderSite == lesionSite
            || orderSite == SnomedCodes.BodySite.LowerLimb
            || (orderSite == SnomedCodes.BodySite.LowerLeg && lesionSite == SnomedCodes.BodySite.Calf);
    }
}
