using CalcCds.Fhir.Model;
using CalcCds.Hooks.Prefetch;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Context;

/// <summary>Builds small patient pictures for the context-rule tests, with the clock at 2026-11-21.</summary>
internal static class Chart
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public const string Icd = FhirSystems.Icd10Cm;
    public const string Sct = FhirSystems.Snomed;

    public static Condition Condition(
        string id, string system, string code, string? clinical = "active", string? verification = "confirmed",
        string onset = "2015-03-01", Laterality? side = null, string? recorded = null) => new()
        {
            Id = id,
            Code = new CodeableConcept { Coding = [new Coding { System = system, Code = code }], Text = $"{system}|{code}" },
            ClinicalStatus = clinical is null ? null : Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", clinical),
            VerificationStatus = verification is null ? null : Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification),
            OnsetDateTime = FhirDateTime.Parse(onset),
            RecordedDate = recorded is null ? null : FhirDateTime.Parse(recorded),
            BodySite = side is null ? null : [SideSite(side.Value)],
        };

    public static Observation Exam(string id, string code, bool present = true, string date = "2026-11-18", string? site = null, Laterality? side = null) => new()
    {
        Id = id,
        Status = "final",
        Code = new CodeableConcept { Coding = [new Coding { System = Sct, Code = code }] },
        EffectiveDateTime = FhirDateTime.Parse(date),
        ValueBoolean = present,
        BodySite = site is null && side is null ? null : Site(site ?? SnomedCodes.BodySite.Calf, side),
    };

    public static Procedure Procedure(string id, string system, string code, string? site = null, string status = "completed", string? text = null) => new()
    {
        Id = id,
        Status = status,
        Code = new CodeableConcept { Coding = [new Coding { System = system, Code = code }], Text = text },
        PerformedDateTime = FhirDateTime.Parse("2012-06-01"),
        BodySite = site is null ? null : [Site(site, null)],
    };

    public static ServiceRequest Request(string id, string loinc, string authored, string status = "completed", Laterality? side = null) => new()
    {
        Id = id,
        Status = status,
        Intent = "order",
        Code = new CodeableConcept { Coding = [new Coding { System = FhirSystems.Loinc, Code = loinc }] },
        AuthoredOn = FhirDateTime.Parse(authored),
        BodySite = side is null ? null : [Site(SnomedCodes.BodySite.LowerLeg, side)],
    };

    /// <summary>A coded STC-Finding Observation carrying the descriptors IndexFinding does not have yet.</summary>
    public static Observation CodedFinding(string id, string? location = null, string? matrix = null, string? mechanism = null, string? distribution = null)
    {
        var components = new List<ObservationComponent>();
        void Add(string attr, string system, string? value)
        {
            if (value is not null)
            {
                components.Add(new ObservationComponent
                {
                    Code = Concept(StcCodes.Systems.Attr, attr),
                    ValueCodeableConcept = Concept(system, value),
                });
            }
        }

        Add(StcCodes.Attr.Location, StcCodes.Systems.Location, location);
        Add(StcCodes.Attr.Matrix, StcCodes.Systems.Matrix, matrix);
        Add(StcCodes.Attr.Mechanism, StcCodes.Systems.Mechanism, mechanism);
        Add(StcCodes.Attr.Distribution, StcCodes.Systems.Distribution, distribution);
        return new Observation { Id = id, Status = "final", Code = Concept(StcCodes.Systems.Stc, StcCodes.Finding.SoftTissueCalcification), Component = components };
    }

    public static IndexFinding Finding(
        string reference = "Observation/f1", Laterality? side = Laterality.Right, string site = SnomedCodes.BodySite.Calf,
        Presence? mass = null, bool preliminary = false, FactOrigin origin = FactOrigin.Coded, params string[] patterns)
    {
        Fact<T> F<T>(T value) => new(value, origin, reference, "2026-10-30");
        return new IndexFinding
        {
            Reference = reference,
            Origin = origin,
            Date = "2026-10-30",
            When = new DateTimeOffset(2026, 10, 30, 0, 0, 0, TimeSpan.Zero),
            IsPreliminary = preliminary,
            Laterality = side is null ? null : F(side.Value),
            BodySite = F(site),
            Patterns = patterns.Select(F).ToList(),
            AssociatedMass = mass is null ? null : F(mass.Value),
        };
    }

    public static PatientPicture PictureOf(
        IndexFinding[]? findings = null, Condition[]? conditions = null, Procedure[]? procedures = null, Observation[]? exams = null,
        Observation[]? imaging = null, ServiceRequest[]? requests = null, MedicationRequest[]? medications = null,
        int? age = 40, SymptomStatus symptoms = SymptomStatus.Unknown) => new()
        {
            PatientId = "p1",
            Now = Now,
            AgeYears = age,
            Symptoms = symptoms,
            IndexFindings = (findings ?? [Finding()]).Select(f => WithCodedDescriptors(f, imaging)).ToList(),
            Conditions = new ConditionIndex(conditions ?? [], Now),
            Options = new PathwayOptions(),
            Prefetch = new PrefetchSet(new Dictionary<string, PrefetchValue>
            {
                [PrefetchKeys.Procedures] = Bundle(procedures),
                [PrefetchKeys.Symptoms] = Bundle(exams),
                [PrefetchKeys.ImagingObservations] = Bundle(imaging),
                [PrefetchKeys.ServiceRequests] = Bundle(requests),
                [PrefetchKeys.MedicationRequests] = Bundle(medications),
            }),
        };

    /// <summary>What the coded-finding reader does with the components of the finding's own Observation, if given.</summary>
    private static IndexFinding WithCodedDescriptors(IndexFinding finding, Observation[]? imaging)
    {
        var observation = imaging?.FirstOrDefault(o => $"Observation/{o.Id}" == finding.Reference);
        if (observation is null)
        {
            return finding;
        }

        Fact<string> Coded(string value) => new(value, FactOrigin.Coded, finding.Reference, finding.Date);
        List<Fact<string>> Values(string attribute, string system) => (observation.Component ?? [])
            .Where(c => c.Code?.Coding?.Any(x => x.System == StcCodes.Systems.Attr && x.Code == attribute) == true)
            .Select(c => c.ValueCodeableConcept?.Coding?.FirstOrDefault(x => x.System == system)?.Code)
            .OfType<string>()
            .Select(Coded)
            .ToList();

        return finding with
        {
            Locations = [.. finding.Locations, .. Values(StcCodes.Attr.Location, StcCodes.Systems.Location)],
            Matrix = finding.Matrix ?? Values(StcCodes.Attr.Matrix, StcCodes.Systems.Matrix).FirstOrDefault(),
            Distribution = finding.Distribution ?? Values(StcCodes.Attr.Distribution, StcCodes.Systems.Distribution).FirstOrDefault(),
            Mechanism = finding.Mechanism ?? Values(StcCodes.Attr.Mechanism, StcCodes.Systems.Mechanism).FirstOrDefault(),
        };
    }

    public static CodeableConcept Concept(string system, string code) => new() { Coding = [new Coding { System = system, Code = code }] };

    private static PrefetchValue Bundle(IEnumerable<Resource>? resources) => new(
        new Bundle { Type = "searchset", Entry = (resources ?? []).Select(r => new BundleEntry { Resource = r }).ToList() },
        PrefetchSource.Request);

    private static CodeableConcept Site(string site, Laterality? side) => new()
    {
        Coding = [new Coding { System = Sct, Code = site }],
        Extension = side is null ? null : [new Extension { Url = FhirSystems.McodeLateralityExtension, ValueCodeableConcept = Concept(Sct, SideCode(side.Value)) }],
    };

    private static CodeableConcept SideSite(Laterality side) => Concept(Sct, SideCode(side));

    private static string SideCode(Laterality side) => side switch
    {
        Laterality.Right => SnomedCodes.Laterality.Right,
        Laterality.Left => SnomedCodes.Laterality.Left,
        _ => SnomedCodes.Laterality.Bilateral,
    };
}
