using System.Text;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Context;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>The detail and override reasons R01 and R02 share (§5 R01 "Detail", §6.2).</summary>
internal static class SarcomaCardText
{
    public static IReadOnlyList<CdsCoding> OverrideReasons { get; } =
    [
        new(StcCodes.Systems.Override, "already-discussed-with-sarcoma-center", "Already discussed with sarcoma center"),
        new(StcCodes.Systems.Override, "benign-on-cross-sectional", "Characterised as benign on CT/MRI"),
        new(StcCodes.Systems.Override, "patient-declines", "Patient declines"),
        new(StcCodes.Systems.Override, "other", "Other"),
    ];

    public static void AppendReferralAdvice(StringBuilder detail, PatientPicture picture, LesionAssessment lesion)
    {
        detail.AppendLine().AppendLine("**Next steps**")
            .AppendLine("- Soft-tissue sarcoma is rare (about 4–5 per 100,000 per year) but must be excluded.")
            .AppendLine("- Refer to a sarcoma centre / sarcoma MDT for imaging review and **biopsy planning**. Imaging (usually MRI of the area) comes *before* biopsy.")
            .AppendLine("- Biopsy: **image-guided core needle, 14–16 gauge**, planned so that the tract can be removed at definitive surgery.")
            .AppendLine("- **Avoid frozen-section diagnosis.**")
            .AppendLine("- Excisional biopsy is an option only for **superficial lesions < 3 cm**.")
            .AppendLine("- If the lump is increasing in size and sarcoma-centre access is not immediate: NICE NG12 (adults) advises an urgent direct-access ultrasound within 2 weeks, then a suspected-cancer-pathway referral if the ultrasound is suggestive or uncertain with ongoing concern.");
        if (picture.AgeYears is < 18)
        {
            detail.AppendLine("- Child or young person: NICE NG12 advises the ultrasound within 48 hours.");
        }

        AppendImagingAsDirected(detail, picture, lesion);
        if (picture.Options.Lesion.SarcomaCentres.Count == 0)
        {
            detail.AppendLine().AppendLine("No sarcoma centre is configured for this service: choose the receiving centre on the referral.");
        }
    }

    /// <summary>
    /// §5 R12: "if red flags exist, this rule's text goes into R01's detail as 'possible mimic'" — the trauma history
    /// (with its Condition/Procedure references) and why it does not cancel the referral (§5 precedence 2).
    /// </summary>
    public static void AppendPossibleMimic(StringBuilder detail, PatientPicture picture, LesionAssessment lesion)
    {
        if (R12TraumaHistory.TraumaAtSite(picture, lesion.Index) is not { } trauma)
        {
            return;
        }

        detail.AppendLine().AppendLine("**Possible mimic: trauma history at this site** (R12)");
        detail.Evidence("Trauma history", trauma);
        detail.AppendLine("- Post-traumatic calcification (dystrophic, myositis ossificans) is likely after trauma, but a mimic does not cancel a red flag: refer as above.")
            .AppendLine("- Myositis ossificans matures from the periphery (well-circumscribed peripheral calcification by ~2 months, smaller and denser over the following ~4 months); tell the sarcoma centre about the injury and its date.")
            .Append("- Source: ").AppendLine(Sources.S4MoTimeline);
    }

    /// <summary>§5 precedence 1: the imaging suggestions of R06/R07/R08 move into this card's detail.</summary>
    private static void AppendImagingAsDirected(StringBuilder detail, PatientPicture picture, LesionAssessment lesion)
    {
        var mri = picture.PriorImaging(lesion.Index, ImagingModality.Mri);
        detail.AppendLine().AppendLine("**Imaging, as directed by the sarcoma centre**");
        detail.AppendLine(mri is null
            ? "- MRI of the lower leg without and with IV contrast (LOINC 24821-1, CPT 73720), per sarcoma-centre protocol; no MRI of this side in the last 90 days."
            : $"- MRI already done: {mri.Describe()}; send it with the referral.");
        if (lesion.Finding.Matrix?.Value == StcCodes.Matrix.Indeterminate || lesion.Finding.Locations.Any(l => l.Value == StcCodes.Location.Juxtacortical))
        {
            detail.AppendLine("- CT without contrast may be asked for to characterise the mineralization and its relation to bone.");
        }
    }
}
