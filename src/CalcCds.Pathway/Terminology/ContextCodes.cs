namespace CalcCds.Pathway.Terminology;

/// <summary>
/// Order codes the context rules suggest or look for (clinical-pathway.md §2.5): LOINC/RSNA playbook exam codes and
/// their CPT codes, laterality-specific where the catalogue has them.
/// </summary>
public static class ContextOrderCodes
{
    /// <summary>Duplex venous ultrasound of the lower extremity (R17, R18).</summary>
    public static class VenousDuplex
    {
        public const string LoincUnspecified = "30881-7";
        public const string LoincRight = "39443-7";
        public const string LoincLeft = "39432-0";
        public const string LoincBilateral = "39420-5";
        public const string CptUnilateral = "93971";
        public const string CptBilateral = "93970";

        public static readonly IReadOnlySet<string> AllLoinc = new HashSet<string>(StringComparer.Ordinal)
        {
            LoincUnspecified, LoincRight, LoincLeft, LoincBilateral,
        };

        public static readonly IReadOnlySet<string> AllCpt = new HashSet<string>(StringComparer.Ordinal) { CptUnilateral, CptBilateral };
    }

    /// <summary>Arterial studies: ABI and arterial duplex (R15).</summary>
    public static class Arterial
    {
        public const string LoincArteryDoppler = "39434-6";
        public const string LoincBilateralPhysiologic = "72830-3";
        public const string CptAbiLimited = "93922";
        public const string CptAbiComplete = "93923";
        public const string CptDuplexComplete = "93925";
        public const string CptDuplexLimited = "93926";

        public static readonly IReadOnlySet<string> AllLoinc = new HashSet<string>(StringComparer.Ordinal)
        {
            LoincArteryDoppler, LoincBilateralPhysiologic,
        };

        public static readonly IReadOnlySet<string> AllCpt = new HashSet<string>(StringComparer.Ordinal)
        {
            CptAbiLimited, CptAbiComplete, CptDuplexComplete, CptDuplexLimited,
        };
    }

    /// <summary>Non-vascular soft-tissue ultrasound of the lower extremity (R16 variant B).</summary>
    public static class SoftTissueUltrasound
    {
        public const string LoincUnspecified = "30709-0";
        public const string LoincRight = "38051-9";
        public const string LoincLeft = "38040-2";
        public const string CptLimited = "76882";

        public static readonly IReadOnlySet<string> AllLoinc = new HashSet<string>(StringComparer.Ordinal)
        {
            LoincUnspecified, LoincRight, LoincLeft,
        };
    }

    /// <summary>CT lower extremity without contrast (R12/R14 when the matrix is indeterminate).</summary>
    public static class CtWithoutContrast
    {
        public const string LoincLowerLeg = "36074-3";
        public const string LoincWithoutContrast = "30625-8";
        public const string LoincRight = "35979-4";
        public const string LoincLeft = "35976-0";
        public const string Cpt = "73700";

        public static readonly IReadOnlySet<string> AllLoinc = new HashSet<string>(StringComparer.Ordinal)
        {
            LoincLowerLeg, LoincWithoutContrast, LoincRight, LoincLeft, "35971-1",
        };
    }

    /// <summary>MRI lower leg without and with contrast (R13).</summary>
    public static class Mri
    {
        public const string LoincLowerLeg = "24821-1";
        public const string LoincRight = "36076-8";
        public const string LoincLeft = "36075-0";
        public const string LoincBilateral = "42696-5";
        public const string CptWithoutAndWith = "73720";

        public static readonly IReadOnlySet<string> AllLoinc = new HashSet<string>(StringComparer.Ordinal)
        {
            LoincLowerLeg, LoincRight, LoincLeft, LoincBilateral, "30692-8",
        };

        public static readonly IReadOnlySet<string> AllCpt = new HashSet<string>(StringComparer.Ordinal) { "73718", "73719", CptWithoutAndWith };
    }

    /// <summary>XR tibia and fibula (R12 short-interval follow-up for myositis ossificans).</summary>
    public static class XrLowerLeg
    {
        public const string Loinc = "25011-8";
        public const string Cpt = "73590";
    }

    /// <summary>Inflammatory markers R19 checks (§2.2).</summary>
    public static class InflammatoryMarkers
    {
        public const string Esr = "4537-7";
        public const string Crp = "1988-5";
    }
}

/// <summary>Procedure codes §4.7 reads for COMPARTMENT_HX ("prior fasciotomy"); §2.4 marks them [U], so these are
/// best-known codes and a Procedure whose text says "fasciotomy" counts as well.</summary>
public static class ContextProcedureCodes
{
    /// <summary>SNOMED CT <i>Fasciotomy (procedure)</i>.</summary>
    public const string SnomedFasciotomy = "81121007";

    /// <summary>CPT decompression fasciotomy of the leg (anterior/lateral, posterior, all compartments).</summary>
    public static readonly IReadOnlySet<string> CptFasciotomy = new HashSet<string>(StringComparer.Ordinal) { "27600", "27601", "27602" };
}

/// <summary>SNOMED CT findings §2.6 reads for DVT suspicion and venous signs.</summary>
public static class ContextFindingCodes
{
    public const string Oedema = "102572006";
    public const string VenousVarices = "128060009";

    /// <summary>Calf pain: 10601006 is lower-limb pain by itself; 22253000 needs a lower-limb body site.</summary>
    public static readonly IReadOnlySet<string> CalfPain = new HashSet<string>(StringComparer.Ordinal)
    {
        SymptomCodes.PainInLowerLimb, SymptomCodes.Pain,
    };

    public static readonly IReadOnlySet<string> VenousSigns = new HashSet<string>(StringComparer.Ordinal) { Oedema, VenousVarices };

    public static readonly IReadOnlySet<string> Swelling = new HashSet<string>(StringComparer.Ordinal)
    {
        SymptomCodes.SwellingOfLowerLeg, Oedema,
    };
}
