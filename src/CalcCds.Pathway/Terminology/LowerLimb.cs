namespace CalcCds.Pathway.Terminology;

/// <summary>
/// The lower-limb sites of clinical-pathway.md §2.1. Until a terminology server answers "subsumed by 61685007", this
/// flat list of the sites the pathway itself names is the documented fallback.
/// </summary>
public static class LowerLimb
{
    public static readonly IReadOnlySet<string> Sites = new HashSet<string>(StringComparer.Ordinal)
    {
        SnomedCodes.BodySite.LowerLimb,
        SnomedCodes.BodySite.LowerLeg,
        SnomedCodes.BodySite.Calf,
        SnomedCodes.BodySite.Thigh,
        SnomedCodes.BodySite.Knee,
        SnomedCodes.BodySite.Ankle,
    };

    public static string? Display(string? code) => code switch
    {
        SnomedCodes.BodySite.LowerLimb => "lower limb",
        SnomedCodes.BodySite.LowerLeg => "lower leg",
        SnomedCodes.BodySite.Calf => "calf",
        SnomedCodes.BodySite.Thigh => "thigh",
        SnomedCodes.BodySite.Knee => "knee region",
        SnomedCodes.BodySite.Ankle => "ankle region",
        _ => null,
    };
}
