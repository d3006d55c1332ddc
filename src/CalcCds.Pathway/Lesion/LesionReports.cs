using CalcCds.Fhir.Model;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Lesion;

/// <summary>
/// Every final report of the index lesion in the descriptor window (§7.3 item 4: same laterality and site, ≤ 180 d),
/// coded findings and report texts alike, each with the modality it came from. The picture keeps one index finding
/// per side; the red flags need all of them to apply the modality precedence and to see disagreements (DQ2).
/// </summary>
internal static class LesionReports
{
    private const int DescriptorWindowDays = 180;

    public static IReadOnlyList<LesionReport> For(IndexFinding index, PatientPicture picture)
    {
        var since = picture.Now.AddDays(-DescriptorWindowDays);
        // The first study listed under each reference wins.
        var studies = new Dictionary<string, ImagingStudy>(StringComparer.Ordinal);
        foreach (var study in picture.Prefetch.Resources<ImagingStudy>(PrefetchKeys.ImagingStudies))
        {
            if (study.Id is not null)
            {
                studies.TryAdd(study.Ref(), study);
            }
        }

        var reports = new List<LesionReport>();
        var observations = picture.Prefetch.Resources<Observation>(PrefetchKeys.ImagingObservations);
        foreach (var observation in observations)
        {
            if (CodedFinding.Read(observation, since) is { IsPreliminary: false } finding && SameLesion(index, finding))
            {
                reports.Add(new LesionReport(finding, ModalityOf(observation.DerivedFrom, null, studies)));
            }
        }

        var coded = reports.Select(r => r.Finding.Reference).ToHashSet(StringComparer.Ordinal);
        foreach (var report in picture.Prefetch.Resources<DiagnosticReport>(PrefetchKeys.RadiologyReports))
        {
            if ((report.Result ?? []).Any(r => r.Reference is { } reference && coded.Contains(reference)))
            {
                continue;
            }

            if (PatientPictureBuilder.ReadNarrative(report, since, picture.Options.MaxReportTextChars) is { IsPreliminary: false } finding
                && SameLesion(index, finding))
            {
                reports.Add(new LesionReport(finding, ModalityOf(report.ImagingStudy, report.Code, studies)));
            }
        }

        if (!index.IsPreliminary && !reports.Any(r => r.Finding.Reference == index.Reference))
        {
            reports.Add(new LesionReport(index, ImagingModality.Radiograph));
        }

        return reports;
    }

    /// <summary>Same laterality, and the same site when both reports name one (a text report may not).</summary>
    public static bool SameLesion(IndexFinding a, IndexFinding b) =>
        a.Laterality?.Value == b.Laterality?.Value
        && (a.BodySite is null || b.BodySite is null || a.BodySite.Value == b.BodySite.Value);

    private static ImagingModality ModalityOf(IReadOnlyList<ResourceReference>? studyRefs, CodeableConcept? reportCode, Dictionary<string, ImagingStudy> studies)
    {
        foreach (var reference in studyRefs ?? [])
        {
            if (reference.Reference is { } r && studies.TryGetValue(r, out var study) && FromStudy(study) is { } modality)
            {
                return modality;
            }
        }

        if (reportCode.HasAny(FhirSystems.Loinc, LesionOrderCodes.Mri.Loincs) || reportCode.HasAny(FhirSystems.Cpt, LesionOrderCodes.Mri.Cpts))
        {
            return ImagingModality.Mri;
        }

        if (reportCode.HasAny(FhirSystems.Loinc, LesionOrderCodes.Ct.Loincs) || reportCode.HasAny(FhirSystems.Cpt, LesionOrderCodes.Ct.Cpts))
        {
            return ImagingModality.Ct;
        }

        return reportCode.HasAny(FhirSystems.Loinc, LesionOrderCodes.Ultrasound.Loincs) || reportCode.HasAny(FhirSystems.Cpt, LesionOrderCodes.Ultrasound.Cpts)
            ? ImagingModality.Ultrasound
            : ImagingModality.Radiograph;
    }

    internal static ImagingModality? FromStudy(ImagingStudy study)
    {
        var codes = (study.Modality ?? []).Select(m => m.Code)
            .Concat((study.Series ?? []).Select(s => s.Modality?.Code))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return codes.Contains(LesionOrderCodes.Modality.Mri) ? ImagingModality.Mri
            : codes.Contains(LesionOrderCodes.Modality.Ct) ? ImagingModality.Ct
            : codes.Contains(LesionOrderCodes.Modality.Ultrasound) ? ImagingModality.Ultrasound
            : codes.Count > 0 ? ImagingModality.Radiograph
            : null;
    }
}
