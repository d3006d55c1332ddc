namespace CalcCds.Pathway.Terminology;

/// <summary>Code system and extension URIs of the external terminologies the pathway reads and writes (clinical-pathway.md §2).</summary>
public static class FhirSystems
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Loinc = "http://loinc.org";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    public const string V2DiagnosticServiceSection = "http://terminology.hl7.org/CodeSystem/v2-0074";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string McodeLateralityExtension = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier";

    /// <summary>Rule identity on every card (Product decision 2).</summary>
    public const string CdsRule = "http://calccds.org/fhir/CodeSystem/cds-rule";
}

/// <summary>LOINC codes the pathway matches on (clinical-pathway.md §2.1, §3.2).</summary>
public static class Loinc
{
    public const string XrTibiaFibula = "25011-8";
    public const string XrLowerExtremity = "24686-8";
    public const string XrFemur = "24704-9";
    public const string TumorMaxDimension = "33728-7";

    public static readonly IReadOnlySet<string> LowerLimbRadiographs = new HashSet<string>(StringComparer.Ordinal)
    {
        XrTibiaFibula, XrLowerExtremity, XrFemur,
    };
}

/// <summary>CPT codes of lower-limb radiographs (§2.1, §2.5).</summary>
public static class Cpt
{
    public static readonly IReadOnlySet<string> LowerLimbRadiographs = new HashSet<string>(StringComparer.Ordinal) { "73590", "73592" };
}
