using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Options;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// The ServiceRequests the lesion rules suggest (§5 conventions, §2.5, §6.2): status draft, intent order, subject,
/// reasonReference = the index finding, bodySite = the index site with its laterality, codes of the order catalogue.
/// </summary>
public static class LesionOrders
{
    public static Suggestion SarcomaReferral(PatientPicture picture, IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(finding);
        var centre = picture.Options.Lesion.SarcomaCentres.FirstOrDefault();
        var request = Base(picture, finding) with
        {
            Priority = "urgent",
            Category = [Concept(FhirSystems.Snomed, LesionOrderCodes.ReferralCategory, "Patient referral")],
            Code = new CodeableConcept
            {
                Coding =
                [
                    new Coding { System = FhirSystems.Snomed, Code = LesionOrderCodes.ReferralToOrthopedicService, Display = "Referral to orthopedic service" },
                    new Coding { System = StcCodes.Systems.Order, Code = StcCodes.Order.SarcomaMdtReferral, Display = "Referral to sarcoma multidisciplinary team" },
                ],
                Text = "Referral to sarcoma centre",
            },
            Performer = centre is null ? null : [Performer(centre)],
            Note = [new Annotation { Text = "Imaging review and biopsy planning by the sarcoma centre before any biopsy; MRI of the area as directed by the centre." }],
        };
        return Create("Refer to sarcoma center (urgent)", "Referral to sarcoma center / orthopedic oncology", request);
    }

    public static Suggestion Ultrasound(PatientPicture picture, IndexFinding finding, bool urgent)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(finding);
        var loinc = finding.Laterality?.Value switch
        {
            Laterality.Right => (LesionOrderCodes.Ultrasound.Right, "US Lower extremity - right"),
            Laterality.Left => (LesionOrderCodes.Ultrasound.Left, "US Lower extremity - left"),
            _ => (LesionOrderCodes.Ultrasound.LowerExtremity, "US Lower extremity"),
        };
        var request = Base(picture, finding) with
        {
            Priority = urgent ? "urgent" : "routine",
            Code = Imaging(loinc, LesionOrderCodes.Ultrasound.CptLimited, "US lower extremity, limited (soft-tissue)"),
            OccurrencePeriod = urgent ? new Period { Start = Day(picture.Now), End = Day(picture.Now.AddDays(14)) } : null,
        };
        return Create(urgent ? "Order urgent soft-tissue ultrasound (within 2 weeks)" : "Order soft-tissue ultrasound", "US lower extremity, limited (soft-tissue)", request);
    }

    public static Suggestion Ct(PatientPicture picture, IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(finding);
        var request = Base(picture, finding) with
        {
            Priority = "routine",
            Code = Imaging((LesionOrderCodes.Ct.LowerLeg, "CT Lower leg"), LesionOrderCodes.Ct.CptWithout, "CT lower leg without contrast"),
        };
        return Create("Order CT lower leg without contrast", "CT lower leg without contrast", request);
    }

    public static Suggestion Mri(PatientPicture picture, IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(finding);
        var loinc = finding.Laterality?.Value switch
        {
            Laterality.Right => (LesionOrderCodes.Mri.Right, "MR Lower leg - right"),
            Laterality.Left => (LesionOrderCodes.Mri.Left, "MR Lower leg - left"),
            _ => (LesionOrderCodes.Mri.LowerLeg, "MR Lower leg"),
        };
        var request = Base(picture, finding) with
        {
            Priority = "routine",
            Code = Imaging(loinc, LesionOrderCodes.Mri.CptWithoutAndWith, "MRI lower leg without and with IV contrast"),
        };
        return Create("Order MRI lower leg without and with contrast", "MRI lower leg without and with IV contrast", request);
    }

    public static Suggestion FollowUpRadiograph(PatientPicture picture, IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(finding);
        var request = Base(picture, finding) with
        {
            Priority = "routine",
            Code = Imaging((LesionOrderCodes.Radiograph.TibiaFibula, "XR Tibia and Fibula Views"), LesionOrderCodes.Radiograph.Cpt2Views, "XR tibia and fibula, follow-up in 3–6 months"),
            OccurrencePeriod = new Period { Start = Day(picture.Now.AddMonths(3)), End = Day(picture.Now.AddMonths(6)) },
        };
        return Create("Repeat X-ray in 3–6 months", "XR tibia and fibula in 3–6 months to confirm stability", request);
    }

    private static ServiceRequest Base(PatientPicture picture, IndexFinding finding) => new()
    {
        Status = "draft",
        Intent = "order",
        Subject = new ResourceReference { Reference = "Patient/" + picture.PatientId },
        ReasonReference = [new ResourceReference { Reference = finding.Reference }],
        BodySite = BodySite(finding) is { } site ? [site] : null,
    };

    private static CodeableConcept? BodySite(IndexFinding finding)
    {
        if (finding.BodySite is null)
        {
            return null;
        }

        var side = finding.Laterality?.Value switch
        {
            Laterality.Right => (SnomedCodes.Laterality.Right, "Right"),
            Laterality.Left => (SnomedCodes.Laterality.Left, "Left"),
            Laterality.Bilateral => (SnomedCodes.Laterality.Bilateral, "Right and left"),
            _ => ((string, string)?)null,
        };
        return new CodeableConcept
        {
            Coding = [new Coding { System = FhirSystems.Snomed, Code = finding.BodySite.Value, Display = LowerLimb.Display(finding.BodySite.Value) }],
            Extension = side is { } s
                ? [new Extension { Url = FhirSystems.McodeLateralityExtension, ValueCodeableConcept = Concept(FhirSystems.Snomed, s.Item1, s.Item2) }]
                : null,
        };
    }

    private static ResourceReference Performer(SarcomaCentre centre) => new()
    {
        Reference = string.IsNullOrWhiteSpace(centre.Reference) ? null : centre.Reference,
        Identifier = centre.IdentifierValue is { Length: > 0 } value ? new Identifier { System = centre.IdentifierSystem, Value = value } : null,
        Display = centre.Display,
    };

    private static CodeableConcept Imaging((string Code, string Display) loinc, string cpt, string text) => new()
    {
        Coding =
        [
            new Coding { System = FhirSystems.Loinc, Code = loinc.Code, Display = loinc.Display },
            new Coding { System = FhirSystems.Cpt, Code = cpt },
        ],
        Text = text,
    };

    private static CodeableConcept Concept(string system, string code, string display) => new()
    {
        Coding = [new Coding { System = system, Code = code, Display = display }],
    };

    private static FhirDateTime Day(DateTimeOffset when) => FhirDateTime.FromDate(DateOnly.FromDateTime(when.UtcDateTime));

    private static Suggestion Create(string label, string description, ServiceRequest request) => new()
    {
        Label = label,
        Actions = [new CardAction { Type = ActionType.Create, Description = description, Resource = request }],
    };
}
