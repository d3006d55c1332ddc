using System.Text.RegularExpressions;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>The conditions of R22, R08, R06b and R06, in precedence order, so each lower rule can test the higher ones (§5).</summary>
public static partial class ImagingRuleConditions
{
    /// <summary>R22: a mass that is fat-containing (report wording) or a known lipoma on file, on final data.</summary>
    public static bool R22Applies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.Mass?.Value == Presence.Present && !lesion.Finding.IsPreliminary
            && (LipomaOnFile(picture).Count > 0 || FattyMassSentence(lesion) is not null);
    }

    public static IReadOnlyList<ConditionMatch> LipomaOnFile(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return picture.Conditions.Active(LesionConcepts.Lipoma);
    }

    /// <summary>A report sentence of this lesion that calls the mass fatty or lipomatous.</summary>
    public static string? FattyMassSentence(LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.Reports.Select(r => r.Finding.Sentence).Append(lesion.Finding.Sentence)
            .OfType<string>()
            .FirstOrDefault(s => FattyMass().IsMatch(s));
    }

    /// <summary>R08: a mass, no red flag, no MRI in the window, not replaced by R22 or a sarcoma card.</summary>
    public static bool R08Applies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.Mass?.Value == Presence.Present && !LesionCards.AnyRedFlag(lesion) && !lesion.Finding.IsPreliminary
            && !LesionCards.SarcomaCardFires(picture, lesion) && !R22Applies(picture, lesion)
            && picture.PriorImaging(lesion.Index, ImagingModality.Mri) is null;
    }

    /// <summary>R06b: increasing in size with no other red flag, no ultrasound in the last 14 days.</summary>
    public static bool R06bApplies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.Increasing.IsTrue && !lesion.HasRedFlag && !lesion.Aggressive && !lesion.Finding.IsPreliminary
            && !LesionCards.SarcomaCardFires(picture, lesion)
            && picture.PriorImaging(lesion.Index, ImagingModality.Ultrasound, picture.Options.Lesion.UrgentUltrasoundDays) is null;
    }

    /// <summary>R06: concerning or non-specific (a missing pattern counts as non-specific, §7.6), nothing higher fires, no prior US.</summary>
    public static bool R06Applies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.RiskClasses.Overlaps([RiskClass.Concerning, RiskClass.Nonspecific])
            && !LesionCards.AnyRedFlag(lesion) && !lesion.Finding.IsPreliminary
            && !R03ClassicBenign.Applies(picture, lesion) && !R04SmallBenignObserve.Applies(picture, lesion) && !R05SymptomaticBenign.Applies(picture, lesion)
            && !LesionCards.SarcomaCardFires(picture, lesion) && !R22Applies(picture, lesion) && !R08Applies(picture, lesion) && !R06bApplies(picture, lesion)
            && picture.PriorImaging(lesion.Index, ImagingModality.Ultrasound) is null;
    }

    /// <summary>R07: mineralization needs characterising and no CT in the window; folded into R01/R02 when they fire.</summary>
    public static bool R07Applies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        return R07Reasons(lesion.Finding).Count > 0 && !LesionCards.SarcomaCardFires(picture, lesion)
            && picture.PriorImaging(lesion.Index, ImagingModality.Ct) is null;
    }

    public static IReadOnlyList<string> R07Reasons(IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var reasons = new List<string>();
        if (finding.Matrix is { Value: StcCodes.Matrix.Indeterminate } matrix)
        {
            reasons.Add(CardText.Fact("Matrix (calcification vs ossification) indeterminate", matrix));
        }

        if (finding.Locations.FirstOrDefault(l => l.Value == StcCodes.Location.Juxtacortical) is { } juxta)
        {
            reasons.Add(CardText.Fact("Location next to bone (juxtacortical)", juxta));
        }

        if (finding.Patterns.FirstOrDefault(p => p.Value == StcCodes.Pattern.PeripheralZonal) is { } zonal && finding.Matrix?.Value != StcCodes.Matrix.Ossification)
        {
            reasons.Add(CardText.Fact("Peripheral (zonal) mineralization without a confirmed mature cortex", zonal));
        }

        return reasons;
    }

    [GeneratedRegex(@"\b(lipomatous|fat[- ]containing|fatty (soft[- ]tissue )?mass|fat (density|attenuation)|lipoma)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex FattyMass();
}
