namespace CalcCds.Pathway.Terminology;

/// <summary>SNOMED CT symptoms at the lesion that count for the symptom status (clinical-pathway.md §2.6, §4.7).</summary>
public static class SymptomCodes
{
    public const string Pain = "22253000";
    public const string PainInLowerLimb = "10601006";
    public const string Tenderness = "247348008";
    public const string SwellingOfLowerLeg = "449615005";
    public const string PalpableMass = "443607001";
    public const string MassOfSoftTissue = "444905003";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Pain, PainInLowerLimb, Tenderness, SwellingOfLowerLeg, PalpableMass, MassOfSoftTissue,
    };

    public static string Display(string code) => code switch
    {
        Pain => "pain",
        PainInLowerLimb => "pain in lower limb",
        Tenderness => "tenderness",
        SwellingOfLowerLeg => "swelling of lower leg",
        PalpableMass => "palpable mass",
        MassOfSoftTissue => "mass of soft tissue",
        _ => code,
    };
}
