namespace CalcCds.Pathway.Terminology;

/// <summary>
/// The SNOMED CT codes the pathway names directly (clinical-pathway §2.1, §3.1, §3.2). Subsumption questions go to a
/// terminology server; these are only the concepts the service itself writes or reads as values.
/// </summary>
public static class SnomedCodes
{
    public const string System = "http://snomed.info/sct";

    /// <summary>Presence values (§3.1, §3.2 associated-mass).</summary>
    public static class Presence
    {
        public const string Present = "52101004";
        public const string Absent = "2667000";
        public const string Indeterminate = "82334004";
        public const string Unknown = "261665006";
    }

    /// <summary>Depth relative to the deep fascia (§3.2).</summary>
    public static class Depth
    {
        public const string Superficial = "26283006";
        public const string Deep = "795002";
    }

    /// <summary>Change from the prior study (§3.2).</summary>
    public static class Change
    {
        public const string New = "7147002";
        public const string Stable = "58158008";
        public const string NoStatusChange = "260388006";
        public const string Increased = "35105006";
        public const string Decreased = "1250004";
        public const string Greater = "263768009";
        public const string Lesser = "263796003";
    }

    /// <summary>Anatomic sites of the lower limb (§2.1).</summary>
    public static class BodySite
    {
        public const string LowerLimb = "61685007";
        public const string LowerLeg = "30021000";
        public const string Calf = "53840002";
        public const string Thigh = "68367000";
        public const string Knee = "72696002";
        public const string Ankle = "344001";
    }

    /// <summary>Laterality qualifiers (§2.1).</summary>
    public static class Laterality
    {
        public const string Right = "24028007";
        public const string Left = "7771000";
        public const string Bilateral = "51440002";
    }
}
