using CalcCds.Fhir.Model;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Lesion;

/// <summary>A prior study found for PRIOR_US / PRIOR_CT / PRIOR_MR, for card text.</summary>
public sealed record PriorStudy(ImagingModality Modality, string Reference, string? Date)
{
    public string Describe() => $"{ModalityPrecedence.Display(Modality)} {Reference} ({Date ?? "date not recorded"})";
}

/// <summary>
/// §4.7 PRIOR_US / PRIOR_CT / PRIOR_MR: a completed lower-limb study of that modality on the same side within the
/// window — an available ImagingStudy, or a completed ServiceRequest with a §2.5 code. A study whose side is not
/// recorded counts only when the lesion's side is not known either (counting it would withhold a suggestion).
/// </summary>
internal static class PriorImaging
{
    public static PriorStudy? Find(PatientPicture picture, IndexFinding finding, ImagingModality modality, int days)
    {
        var since = picture.Now.AddDays(-days);
        var side = SideCode(finding.Laterality?.Value);
        foreach (var study in picture.Prefetch.Resources<ImagingStudy>(PrefetchKeys.ImagingStudies))
        {
            if (study.Status != "available" || study.Started is not { } started || started.LowerBound < since
                || LesionReports.FromStudy(study) != modality)
            {
                continue;
            }

            var series = study.Series ?? [];
            var sites = series.Select(s => s.BodySite?.Code).OfType<string>().ToList();
            var sides = series.Select(s => s.Laterality?.Code).OfType<string>().ToList();
            if (sites.Count > 0 && !sites.Any(LowerLimb.Sites.Contains))
            {
                continue;
            }

            if (SameSide(side, sides))
            {
                return new PriorStudy(modality, study.Ref(), started.Value);
            }
        }

        var (loincs, cpts) = Codes(modality);
        foreach (var request in picture.Prefetch.Resources<ServiceRequest>(PrefetchKeys.ServiceRequests))
        {
            var when = request.Occurrence ?? request.AuthoredOn;
            if (request.Status != "completed" || when is null || when.LowerBound < since
                || !(request.Code.HasAny(FhirSystems.Loinc, loincs) || request.Code.HasAny(FhirSystems.Cpt, cpts)))
            {
                continue;
            }

            var sides = (request.BodySite ?? [])
                .SelectMany(b => (b.Extension ?? []).Where(e => e.Url == FhirSystems.McodeLateralityExtension).Select(e => e.ValueCodeableConcept.CodeIn(SnomedCodes.System)))
                .Concat(SideOfLoinc(request.Code))
                .OfType<string>()
                .ToList();
            if (SameSide(side, sides))
            {
                return new PriorStudy(modality, request.Ref(), when.Value);
            }
        }

        return null;
    }

    private static bool SameSide(string? lesionSide, List<string> studySides) =>
        studySides.Count == 0 ? lesionSide is null : lesionSide is null || studySides.Contains(lesionSide) || studySides.Contains(SnomedCodes.Laterality.Bilateral);

    private static IEnumerable<string?> SideOfLoinc(CodeableConcept? code)
    {
        if (code.HasAny(FhirSystems.Loinc, new HashSet<string>(StringComparer.Ordinal) { LesionOrderCodes.Mri.Right, LesionOrderCodes.Ultrasound.Right }))
        {
            yield return SnomedCodes.Laterality.Right;
        }

        if (code.HasAny(FhirSystems.Loinc, new HashSet<string>(StringComparer.Ordinal) { LesionOrderCodes.Mri.Left, LesionOrderCodes.Ultrasound.Left }))
        {
            yield return SnomedCodes.Laterality.Left;
        }
    }

    private static string? SideCode(Laterality? side) => side switch
    {
        Laterality.Right => SnomedCodes.Laterality.Right,
        Laterality.Left => SnomedCodes.Laterality.Left,
        Laterality.Bilateral => SnomedCodes.Laterality.Bilateral,
        _ => null,
    };

    private static (IReadOnlySet<string> Loincs, IReadOnlySet<string> Cpts) Codes(ImagingModality modality) => modality switch
    {
        ImagingModality.Mri => (LesionOrderCodes.Mri.Loincs, LesionOrderCodes.Mri.Cpts),
        ImagingModality.Ct => (LesionOrderCodes.Ct.Loincs, LesionOrderCodes.Ct.Cpts),
        ImagingModality.Ultrasound => (LesionOrderCodes.Ultrasound.Loincs, LesionOrderCodes.Ultrasound.Cpts),
        _ => (new HashSet<string>(StringComparer.Ordinal) { Loinc.XrTibiaFibula }, Cpt.LowerLimbRadiographs),
    };
}
