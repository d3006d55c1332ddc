namespace CalcCds.Pathway.Terminology;

/// <summary>LOINC codes of the laboratory Observations the pathway reads (clinical-pathway.md §2.2) and orders (§2.5, R09).</summary>
public static class LabLoinc
{
    public const string CalciumTotalMass = "17861-6";
    public const string CalciumTotalMoles = "2000-8";

    /// <summary>Calcium [Mass/volume] in Blood: occurs in synthetic (Synthea) data.</summary>
    public const string CalciumBloodMass = "49765-1";

    /// <summary>Albumin-corrected calcium reported by the lab; 46099-8 is [U, single source] in §2.2, 29265-6 is [V].</summary>
    public const string CalciumCorrectedMass = "46099-8";
    public const string CalciumCorrectedMoles = "29265-6";

    public const string CalciumIonizedMass = "17863-2";
    public const string CalciumIonizedMassIse = "17864-0";
    public const string CalciumIonizedMassIseMgDl = "12180-6";
    public const string CalciumIonizedMoles = "1995-0";
    public const string CalciumIonizedBloodMoles = "1994-3";

    public const string Albumin = "1751-7";

    public const string PhosphateMass = "2777-1";
    public const string PhosphateMoles = "14879-1";

    public const string PthIntactMass = "2731-8";
    public const string PthIntactMoles = "14866-8";

    public const string VitaminD25Total = "62292-8";
    public const string VitaminD25D3 = "1989-3";

    public const string CreatinineMass = "2160-0";
    public const string CreatinineBloodMass = "38483-4";
    public const string CreatinineMoles = "14682-9";

    public const string EgfrCkdEpi2021 = "98979-8";
    public const string EgfrCkdEpi = "62238-1";
    public const string EgfrMdrd = "33914-3";
    public const string EgfrMdrdBlack = "48642-3";
    public const string EgfrMdrdNonBlack = "48643-1";
    public const string EgfrCkdEpiBlack = "88293-6";
    public const string EgfrCkdEpiNonBlack = "88294-4";
    public const string EgfrOther = "69405-9";

    public const string EsrWestergren = "4537-7";
    public const string Esr = "30341-2";

    /// <summary>CRP. High-sensitivity CRP (30522-7) is deliberately absent: §2.2 says it is no substitute for inflammation triage.</summary>
    public const string Crp = "1988-5";
}

/// <summary>Codes for orders the lab rules suggest or match (§2.5, R09, O09).</summary>
public static class LabOrderCodes
{
    /// <summary>SNOMED 108252007 <i>Laboratory procedure</i>: ServiceRequest.category of suggested lab orders (R09).</summary>
    public const string LaboratoryProcedureCategory = "108252007";

    /// <summary>CPT MRI lower extremity (non-joint) with contrast, and without-and-with contrast (§2.5, O09).</summary>
    public static readonly IReadOnlySet<string> ContrastMriCpt = new HashSet<string>(StringComparer.Ordinal) { "73719", "73720" };

    /// <summary>LOINC MR codes named with IV contrast in §2.5 (24703-1 MR Thigh WO and W contrast IV).</summary>
    public static readonly IReadOnlySet<string> ContrastMriLoinc = new HashSet<string>(StringComparer.Ordinal) { "24703-1" };
}

/// <summary>
/// Procedure codes the lab area reads for intervening events (§7.2) and for dialysis (§4.3). §2.4 marks procedure
/// codes [U]; these are standard SNOMED CT procedure concepts to be confirmed in a terminology server before go-live.
/// </summary>
public static class RenalProcedureCodes
{
    public const string Parathyroidectomy = "13619001";
    public const string KidneyTransplant = "70536003";

    public static readonly IReadOnlySet<string> Dialysis = new HashSet<string>(StringComparer.Ordinal)
    {
        "108241001", // Dialysis procedure
        "302497006", // Hemodialysis
        "71192002", // Peritoneal dialysis
    };
}

/// <summary>v3-ObservationInterpretation codes (§2.2).</summary>
public static class InterpretationCodes
{
    public const string System = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    public const string High = "H";
    public const string CriticalHigh = "HH";
    public const string Low = "L";
    public const string CriticalLow = "LL";
    public const string Normal = "N";
}
