using CalcCds.Fhir.Model;
using CalcCds.Hooks.Prefetch;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Lesion;

/// <summary>Builds index findings and patient pictures for the lesion rule tests, clock pinned to 2026-11-21.</summary>
internal static class LesionPictures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static Fact<T> Coded<T>(T value, string reference = "Observation/f1", string date = "2026-11-01") => new(value, FactOrigin.Coded, reference, date);

    public static Fact<T> Text<T>(T value, string reference = "DiagnosticReport/r1", string date = "2026-11-01") =>
        new(value, FactOrigin.ReportText, reference, date, "Report sentence.");

    /// <summary>A final coded right-calf finding with no descriptors; tests add what they need with <c>with</c>.</summary>
    public static IndexFinding Finding(string reference = "Observation/f1", string date = "2026-11-01", bool preliminary = false) => new()
    {
        Reference = reference,
        Origin = FactOrigin.Coded,
        Date = date,
        When = DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        IsPreliminary = preliminary,
        Laterality = Coded(Laterality.Right, reference, date),
        BodySite = Coded(SnomedCodes.BodySite.Calf, reference, date),
    };

    /// <summary>Complete, benign-looking descriptors: superficial, 1.2 cm extent, solitary, no mass, no bone involvement.</summary>
    public static IndexFinding Benign(params string[] patterns) => Finding() with
    {
        Patterns = patterns.Select(p => Coded(p)).ToList(),
        SizeCm = Coded(1.2m),
        SizeBasis = Coded(StcCodes.SizeBasis.CalcificationExtent),
        Depth = Coded(DepthValue.Superficial),
        AssociatedMass = Coded(Presence.Absent),
        BoneInvolvement = Coded(StcCodes.Bone.None),
        Distribution = Coded(StcCodes.Distribution.Solitary),
    };

    /// <summary>A 6.2 cm deep mass (§6.1) with stippled calcification.</summary>
    public static IndexFinding DeepLargeMass() => Finding() with
    {
        Patterns = [Coded(StcCodes.Pattern.Stippled)],
        SizeCm = Coded(6.2m),
        SizeBasis = Coded(StcCodes.SizeBasis.Mass),
        Depth = Coded(DepthValue.Deep),
        AssociatedMass = Coded(Presence.Present),
        BoneInvolvement = Coded(StcCodes.Bone.None),
    };

    public static PatientPicture Build(
        IndexFinding finding,
        SymptomStatus symptoms = SymptomStatus.Unknown,
        IReadOnlyList<Fact<SymptomRecord>>? symptomFacts = null,
        PathwayOptions? options = null,
        IEnumerable<Resource>? serviceRequests = null,
        IEnumerable<Resource>? imagingStudies = null,
        IEnumerable<Condition>? conditions = null,
        IEnumerable<Resource>? encounters = null,
        IEnumerable<Resource>? imagingObservations = null,
        IEnumerable<Resource>? reports = null,
        string? userId = null,
        int? age = 50)
    {
        return new()
        {
            PatientId = "p1",
            Now = Now,
            AgeYears = age,
            IndexFindings = [finding],
            Symptoms = symptoms,
            SymptomFacts = symptomFacts ?? [],
            Options = options ?? new PathwayOptions(),
            Conditions = new ConditionIndex(conditions ?? [], Now),
            UserId = userId,
            Prefetch = new PrefetchSet(new Dictionary<string, PrefetchValue>
            {
                [PrefetchKeys.ServiceRequests] = Searchset(serviceRequests),
                [PrefetchKeys.ImagingStudies] = Searchset(imagingStudies),
                [PrefetchKeys.Encounters] = Searchset(encounters),
                [PrefetchKeys.ImagingObservations] = Searchset(imagingObservations),
                [PrefetchKeys.RadiologyReports] = Searchset(reports),
            }),
        };
    }

    public static Fact<SymptomRecord> Symptom(string code, bool present) =>
        new(new SymptomRecord(SymptomCodes.Display(code), present), FactOrigin.Coded, "Observation/s1", "2026-11-10");

    public static ImagingStudy Study(string id, string modality, string started, string? side = SnomedCodes.Laterality.Right) => new()
    {
        Id = id,
        Status = "available",
        Started = FhirDateTime.Parse(started),
        Modality = [new Coding { System = FhirSystems.Dicom, Code = modality }],
        Series = side is null ? null : [new ImagingStudySeries { Laterality = new Coding { System = FhirSystems.Snomed, Code = side } }],
    };

    public static Condition ActiveCondition(string id, string system, string code) => new()
    {
        Id = id,
        ClinicalStatus = new CodeableConcept { Coding = [new Coding { System = "http://terminology.hl7.org/CodeSystem/condition-clinical", Code = "active" }] },
        VerificationStatus = new CodeableConcept { Coding = [new Coding { System = "http://terminology.hl7.org/CodeSystem/condition-ver-status", Code = "confirmed" }] },
        Code = new CodeableConcept { Coding = [new Coding { System = system, Code = code }] },
        RecordedDate = FhirDateTime.Parse("2026-06-01"),
    };

    private static PrefetchValue Searchset(IEnumerable<Resource>? resources) => new(
        new Bundle { Type = "searchset", Entry = (resources ?? []).Select(r => new BundleEntry { Resource = r }).ToList() },
        PrefetchSource.Fetched);
}
