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

        var codedCount = reports.Count;
        foreach (var report in picture.Prefetch.Resources<DiagnosticReport>(PrefetchKeys.RadiologyReports))
        {
            if (HasCodedResult(report, reports, codedCount))
            {
                continue;
            }

            if (PatientPictureBuilder.ReadNarrative(report, since, picture.Options.MaxReportTextChars) is { IsPreliminary: false } finding
                && SameLesion(index, finding))
            {
                reports.Add(new LesionReport(finding, ModalityOf(report.ImagingStudy, report.Code, studies)));
            }
        }

        if (!index.IsPreliminary && !HasReport(reports, reports.Count, index.Reference))
        {
            reports.Add(new LesionReport(index, ImagingModality.Radiograph));
        }

        return reports;
    }

    /// <summary>A report whose results include one of the first <paramref name="codedCount"/> (coded) reports.</summary>
    private static bool HasCodedResult(DiagnosticReport report, List<LesionReport> reports, int codedCount)
    {
        if (report.Result is not { } results || codedCount == 0)
        {
            return false;
        }

        foreach (var result in results)
        {
            if (result.Reference is { } reference && HasReport(reports, codedCount, reference))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One of the first <paramref name="count"/> reports is of the finding <paramref name="reference"/> names.</summary>
    private static bool HasReport(List<LesionReport> reports, int count, string reference)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(reports[i].Finding.Reference, reference, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
        // The study's and its series' modality codes, as one set would hold them: MRI over CT over US, any other
        // code a radiograph.
        bool mri = false, ct = false, ultrasound = false, any = false;
        foreach (var modality in study.Modality ?? [])
        {
            Note(modality.Code, ref mri, ref ct, ref ultrasound, ref any);
        }

        foreach (var series in study.Series ?? [])
        {
            Note(series.Modality?.Code, ref mri, ref ct, ref ultrasound, ref any);
        }

        return mri ? ImagingModality.Mri
            : ct ? ImagingModality.Ct
            : ultrasound ? ImagingModality.Ultrasound
            : any ? ImagingModality.Radiograph
            : null;
    }

    private static void Note(string? code, ref bool mri, ref bool ct, ref bool ultrasound, ref bool any)
    {
        if (code is null)
        {
            return;
        }

        any = true;
        mri |= code == LesionOrderCodes.Modality.Mri;
        ct |= code == LesionOrderCodes.Modality.Ct;
        ultrasound |= code == LesionOrderCodes.Modality.Ultrasound;
    }
}
