using CalcCds.Fhir.Model;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Labs;

/// <summary>Builds a patient chart for the lab tests: lab Observations, Conditions, procedures, drugs, drafts.</summary>
internal sealed class LabChart
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly List<Observation> labs = [];
    private readonly List<Condition> conditions = [];
    private readonly List<Procedure> procedures = [];
    private readonly List<MedicationRequest> medications = [];
    private readonly List<ServiceRequest> drafts = [];
    private readonly List<IndexFinding> findings = [];
    private int next;

    public PathwayOptions Options { get; } = new();

    public string Hook { get; set; } = HookDefinitions.PatientView;

    public LabChart WithFinding(params string[] patterns) => WithFinding(Laterality.Right, patterns);

    public LabChart WithFinding(Laterality side, params string[] patterns)
    {
        var reference = $"Observation/finding-{++next}";
        findings.Add(new IndexFinding
        {
            Reference = reference,
            Origin = FactOrigin.Coded,
            Date = "2026-11-01",
            When = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            Laterality = new Fact<Laterality>(side, FactOrigin.Coded, reference, "2026-11-01"),
            Patterns = patterns.Select(p => new Fact<string>(p, FactOrigin.Coded, reference, "2026-11-01")).ToList(),
        });
        return this;
    }

    public LabChart WithFinding(IndexFinding finding)
    {
        findings.Add(finding);
        return this;
    }

    /// <summary>A lab result <paramref name="daysAgo"/> days before <see cref="Now"/>, UCUM-coded unless <paramref name="textUnitOnly"/>.</summary>
    public LabChart Lab(string loinc, decimal value, string unit, double daysAgo = 5, string status = "final", string? comparator = null,
        string? flag = null, bool textUnitOnly = false, (decimal Low, decimal High, string Unit)? range = null, string? id = null)
    {
        var when = Now.AddDays(-daysAgo);
        labs.Add(new Observation
        {
            Id = id ?? $"lab-{++next}",
            Status = status,
            Code = new CodeableConcept { Coding = [new Coding { System = FhirSystems.Loinc, Code = loinc }] },
            EffectiveDateTime = FhirDateTime.FromDateTimeOffset(when),
            ValueQuantity = new Quantity
            {
                Value = value,
                Comparator = comparator,
                Unit = unit,
                System = textUnitOnly ? null : FhirSystems.Ucum,
                Code = textUnitOnly ? null : unit,
            },
            Interpretation = flag is null ? null : [new CodeableConcept { Coding = [new Coding { System = InterpretationCodes.System, Code = flag }] }],
            ReferenceRange = range is { } r
                ? [new ObservationReferenceRange { Low = new Quantity { Value = r.Low, System = FhirSystems.Ucum, Code = r.Unit, Unit = r.Unit }, High = new Quantity { Value = r.High, System = FhirSystems.Ucum, Code = r.Unit, Unit = r.Unit } }]
                : null,
        });
        return this;
    }

    /// <summary>A complete recent panel with normal values (calcium/albumin, phosphate, PTH, creatinine, eGFR, CRP).</summary>
    public LabChart NormalPanel(double daysAgo = 5) =>
        Lab(LabLoinc.CalciumTotalMass, 9.4m, "mg/dL", daysAgo)
            .Lab(LabLoinc.Albumin, 4.1m, "g/dL", daysAgo)
            .Lab(LabLoinc.PhosphateMass, 3.5m, "mg/dL", daysAgo)
            .Lab(LabLoinc.PthIntactMass, 40m, "pg/mL", daysAgo)
            .Lab(LabLoinc.CreatinineMass, 0.9m, "mg/dL", daysAgo)
            .Lab(LabLoinc.EgfrCkdEpi2021, 85m, "mL/min/{1.73_m2}", daysAgo)
            .Lab(LabLoinc.Crp, 2m, "mg/L", daysAgo);

    public LabChart Condition(string system, string code, string clinicalStatus = "active", string? verification = "confirmed", double onsetDaysAgo = 400)
    {
        conditions.Add(new Condition
        {
            Id = $"cond-{++next}",
            Code = new CodeableConcept { Coding = [new Coding { System = system, Code = code }] },
            ClinicalStatus = new CodeableConcept { Coding = [new Coding { System = "http://terminology.hl7.org/CodeSystem/condition-clinical", Code = clinicalStatus }] },
            VerificationStatus = verification is null ? null : new CodeableConcept { Coding = [new Coding { System = "http://terminology.hl7.org/CodeSystem/condition-ver-status", Code = verification }] },
            OnsetDateTime = FhirDateTime.FromDateTimeOffset(Now.AddDays(-onsetDaysAgo)),
        });
        return this;
    }

    public LabChart Procedure(string snomed, double daysAgo, string status = "completed")
    {
        procedures.Add(new Procedure
        {
            Id = $"proc-{++next}",
            Status = status,
            Code = new CodeableConcept { Coding = [new Coding { System = FhirSystems.Snomed, Code = snomed }] },
            PerformedDateTime = FhirDateTime.FromDateTimeOffset(Now.AddDays(-daysAgo)),
        });
        return this;
    }

    public LabChart Medication(string text, double authoredDaysAgo = 100, string status = "active")
    {
        medications.Add(new MedicationRequest
        {
            Id = $"med-{++next}",
            Status = status,
            Intent = "order",
            MedicationCodeableConcept = new CodeableConcept { Text = text },
            AuthoredOn = FhirDateTime.FromDateTimeOffset(Now.AddDays(-authoredDaysAgo)),
        });
        return this;
    }

    public LabChart Draft(string system, string code, string? display = null)
    {
        drafts.Add(new ServiceRequest
        {
            Id = $"draft-{++next}",
            Status = "draft",
            Intent = "order",
            Code = new CodeableConcept { Coding = [new Coding { System = system, Code = code, Display = display }] },
            Subject = new ResourceReference { Reference = "Patient/p1" },
        });
        return this;
    }

    public PatientPicture Build() => new()
    {
        PatientId = "p1",
        Now = Now,
        AgeYears = 60,
        IndexFindings = findings,
        Options = Options,
        Hook = Hook,
        Conditions = new ConditionIndex(conditions, Now),
        DraftOrders = drafts,
        Prefetch = new PrefetchSet(new Dictionary<string, PrefetchValue>
        {
            [PrefetchKeys.Labs] = Value(labs),
            [PrefetchKeys.Procedures] = Value(procedures),
            [PrefetchKeys.MedicationRequests] = Value(medications),
        }),
    };

    private static PrefetchValue Value(IEnumerable<Resource> resources) =>
        new(new Bundle { Type = "searchset", Entry = resources.Select(r => new BundleEntry { Resource = r }).ToList() }, PrefetchSource.Request);

}
