using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>One orderable exam of §2.5: its LOINC and CPT codings.</summary>
public sealed record OrderCode(string Loinc, string LoincDisplay, string Cpt, string CptDisplay);

/// <summary>
/// Builds the complete draft ServiceRequests the context rules suggest (§5 conventions: status draft, intent order,
/// subject, LOINC + CPT code, bodySite with laterality, reasonReference = the index finding) and answers "is this
/// exam already ordered or done recently" from the chart's ServiceRequests and the hook's draft orders (§7.7).
/// </summary>
public static class ContextOrders
{
    private static readonly HashSet<string> CountingStatuses = new(StringComparer.Ordinal) { "draft", "active", "on-hold", "completed" };

    public static Suggestion Suggest(PatientPicture picture, IndexFinding finding, OrderCode order, string label, string? priority = null, Period? occurrence = null, Laterality? side = null)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(order);
        var request = new ServiceRequest
        {
            Status = "draft",
            Intent = "order",
            Priority = priority ?? "routine",
            Subject = new ResourceReference { Reference = $"Patient/{picture.PatientId}" },
            Code = new CodeableConcept
            {
                Coding =
                [
                    new Coding { System = FhirSystems.Loinc, Code = order.Loinc, Display = order.LoincDisplay },
                    new Coding { System = FhirSystems.Cpt, Code = order.Cpt, Display = order.CptDisplay },
                ],
                Text = order.LoincDisplay,
            },
            BodySite = [BodySite(finding, side ?? finding.Laterality?.Value)],
            ReasonReference = [new ResourceReference { Reference = finding.Reference, Display = "Soft-tissue calcification" }],
            OccurrencePeriod = occurrence,
        };
        return new Suggestion
        {
            Label = label,
            IsRecommended = true,
            Actions = [new CardAction { Type = ActionType.Create, Description = label, Resource = request }],
        };
    }

    /// <summary>True when a request with one of the codes was ordered, planned or done within <paramref name="days"/>
    /// (by authoredOn or occurrence), on a compatible side, in the chart or among the hook's draft orders.</summary>
    public static bool RecentlyOrdered(PatientPicture picture, IReadOnlySet<string> loinc, IReadOnlySet<string> cpt, double days, Laterality? side)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var since = picture.Now.AddDays(-days);
        return picture.Prefetch.Resources<ServiceRequest>(PrefetchKeys.ServiceRequests).Concat(picture.DraftOrders)
            .Any(r => r.Status is not null && CountingStatuses.Contains(r.Status)
                && (r.Code.HasAnyCode(FhirSystems.Loinc, loinc) || r.Code.HasAnyCode(FhirSystems.Cpt, cpt))
                && (r.AuthoredOn ?? r.Occurrence) is { } when && when.UpperBound >= since
                && ContextFlag.SameLimb(SideOf(r), side));
    }

    /// <summary>The side-specific code when the side is known, else the generic one ("Side not recorded", §7.6).</summary>
    public static string BySide(Laterality? side, string right, string left, string bilateral, string generic) => side switch
    {
        Laterality.Right => right,
        Laterality.Left => left,
        Laterality.Bilateral => bilateral,
        _ => generic,
    };

    public const string SideNotRecorded = "Side not recorded: the suggested order uses the generic (unilateral) code; set the side before signing.";

    private static CodeableConcept BodySite(IndexFinding finding, Laterality? side)
    {
        var site = finding.BodySite?.Value ?? SnomedCodes.BodySite.LowerLimb;
        var lateralityCode = side switch
        {
            Laterality.Right => (SnomedCodes.Laterality.Right, "Right"),
            Laterality.Left => (SnomedCodes.Laterality.Left, "Left"),
            Laterality.Bilateral => (SnomedCodes.Laterality.Bilateral, "Bilateral"),
            _ => ((string, string)?)null,
        };
        return new CodeableConcept
        {
            Coding = [new Coding { System = SnomedCodes.System, Code = site, Display = LowerLimb.Display(site) }],
            Extension = lateralityCode is { } l
                ?
                [
                    new Extension
                    {
                        Url = FhirSystems.McodeLateralityExtension,
                        ValueCodeableConcept = new CodeableConcept { Coding = [new Coding { System = SnomedCodes.System, Code = l.Item1, Display = l.Item2 }] },
                    },
                ]
                : null,
        };
    }

    private static Laterality? SideOf(ServiceRequest request)
    {
        var fromSite = SideReading.Of(request.BodySite);
        if (fromSite is not null)
        {
            return fromSite;
        }

        // Side-specific LOINC codes carry the side themselves (§2.5).
        var codes = request.Code?.Coding?.Where(c => c.System == FhirSystems.Loinc).Select(c => c.Code).ToList() ?? [];
        return codes.Any(c => c is ContextOrderCodes.VenousDuplex.LoincRight or ContextOrderCodes.SoftTissueUltrasound.LoincRight
                or ContextOrderCodes.Mri.LoincRight or ContextOrderCodes.CtWithoutContrast.LoincRight) ? Laterality.Right
            : codes.Any(c => c is ContextOrderCodes.VenousDuplex.LoincLeft or ContextOrderCodes.SoftTissueUltrasound.LoincLeft
                or ContextOrderCodes.Mri.LoincLeft or ContextOrderCodes.CtWithoutContrast.LoincLeft) ? Laterality.Left
            : null;
    }

    private static bool HasAnyCode(this CodeableConcept? concept, string system, IReadOnlySet<string> codes) =>
        concept?.Coding?.Any(c => c.System == system && c.Code is not null && codes.Contains(c.Code)) == true;
}
