using System.Text;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// The conditions the lesion rules share, so that precedence and suppression (§5 "Precedence and suppression") read
/// the same test in the higher and the lower rule: R02 &gt; R01 &gt; R22 &gt; R08 &gt; R06/R06b &gt; R07, and R03–R05 only
/// without any red flag.
/// </summary>
public static class LesionCards
{
    private static readonly HashSet<string> SystemicDistribution = new(StringComparer.Ordinal)
    {
        StcCodes.Distribution.Generalized, StcCodes.Distribution.Bilateral,
    };

    /// <summary>R02: bone destruction/erosion/periosteal reaction or an osteoid-like matrix, not in known sarcoma care, on final data.</summary>
    public static bool R02Applies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.Aggressive && !lesion.Finding.IsPreliminary && !picture.KnownSarcomaCare.Known;
    }

    /// <summary>
    /// R01: at least one counted red flag, and a mass that is present, indeterminate or not stated (§7.6: "assume
    /// indeterminate"), or RF_SIZE, RF_DEEP or RF_RAPID_GROWTH; not when R02 fires (R02 &gt; R01), not in known sarcoma
    /// care (which includes an existing sarcoma-centre referral), never on preliminary data.
    /// </summary>
    public static bool R01Applies(PatientPicture picture, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(lesion);
        var massGate = lesion.Mass?.Value != Presence.Absent || lesion.Size.IsTrue || lesion.Deep.IsTrue || lesion.RapidGrowth.IsTrue;
        return lesion.HasRedFlag && massGate && !lesion.Finding.IsPreliminary && !picture.KnownSarcomaCare.Known && !R02Applies(picture, lesion);
    }

    /// <summary>R01 or R02 fires for this lesion: imaging suggestions move into their detail, R03–R05 are suppressed.</summary>
    public static bool SarcomaCardFires(PatientPicture picture, LesionAssessment lesion) =>
        R02Applies(picture, lesion) || R01Applies(picture, lesion);

    /// <summary>
    /// §5 precedence item 5, shared by R03, R04 and R05: a benign card may be given only for a final finding without a
    /// mass, without any red flag or sarcoma card, without systemic suspicion, and not indeterminate next to bone.
    /// </summary>
    public static bool BenignCardAllowed(PatientPicture picture, LesionAssessment lesion)
    {
        var f = lesion.Finding;
        return lesion.Mass?.Value != Presence.Present
            && !AnyRedFlag(lesion)
            && !SystemicCauseSuspected(picture, f) && !IndeterminateNextToBone(f)
            && !f.IsPreliminary && !SarcomaCardFires(picture, lesion);
    }

    /// <summary>Any red flag at all (counted, aggressive, or increasing): the "no red flag" condition of R03–R08.</summary>
    public static bool AnyRedFlag(LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.HasRedFlag || lesion.Aggressive || lesion.Increasing.IsTrue;
    }

    /// <summary>
    /// The lesion's own signs of a systemic cause (§4.4 (b), §3.3): generalized or bilateral distribution, a fine
    /// speckled or tumoral-calcinosis pattern, or a metastatic/calciphylaxis mechanism. SYSTEMIC_SUSPECT proper
    /// (labs, conditions) belongs to the labs area; these lesion signs are enough to keep R03–R05 quiet.
    /// </summary>
    public static bool LesionSuggestsSystemicCause(IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return (finding.Distribution is { } d && SystemicDistribution.Contains(d.Value))
            || finding.Patterns.Any(p => p.Value is StcCodes.Pattern.FineSpeckledDiffuse or StcCodes.Pattern.GlobularPeriarticular)
            || finding.Mechanism?.Value is StcCodes.Mechanism.Metastatic or StcCodes.Mechanism.Calciphylaxis;
    }

    /// <summary>
    /// §5 precedence item 5: R03–R05 fire only when SYSTEMIC_SUSPECT is false, or the systemic labs are complete and
    /// normal — and never when the lesion itself looks systemic.
    /// </summary>
    public static bool SystemicCauseSuspected(PatientPicture picture, IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (LesionSuggestsSystemicCause(finding))
        {
            return true;
        }

        var systemic = picture.Systemic;
        return systemic.Suspect && !(systemic.LabsComplete && !picture.Labs.AbnormalFlags.Any());
    }

    /// <summary>§5 R03: matrix indeterminate next to bone (juxtacortical or abutting bone).</summary>
    public static bool IndeterminateNextToBone(IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Matrix?.Value == StcCodes.Matrix.Indeterminate
            && (finding.Locations.Any(l => l.Value == StcCodes.Location.Juxtacortical) || finding.BoneInvolvement?.Value == StcCodes.Bone.AbutsNoChange);
    }

    /// <summary>True when a benign "no further work-up" card cannot be given because red-flag inputs are missing.</summary>
    public static bool RedFlagStatusIncomplete(LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.Size.IsUnknown || lesion.Deep.IsUnknown || lesion.Bone.IsUnknown;
    }

    public static bool OnlyVascular(LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(lesion);
        return lesion.PatternKnown && lesion.RiskClasses.All(r => r == RiskClass.BenignVascular);
    }

    /// <summary>The standard opening of a lesion card: the finding and, for text-derived facts, the verification request.</summary>
    public static StringBuilder Start(LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(lesion);
        var detail = CardText.NewDetail();
        CardText.AppendFindingLine(detail, lesion.Finding);
        if (lesion.Finding.Sentence is not null)
        {
            detail.Append("> ").AppendLine(CardText.Quote(lesion.Finding.Sentence));
        }

        return detail;
    }

    public static void AppendFlags(StringBuilder detail, IEnumerable<RedFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(flags);
        foreach (var flag in flags)
        {
            detail.Append("- **").Append(flag.Code).Append("** — ").AppendLine(flag.Description);
            foreach (var fact in flag.Facts)
            {
                detail.Append("  ").AppendLine(fact);
            }
        }
    }

    public static void AppendUnknowns(StringBuilder detail, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(lesion);
        var unknown = lesion.UnknownFlags.Select(f => f.Description).Distinct(StringComparer.Ordinal).ToList();
        if (lesion.Mass is null || lesion.Mass.Value == Presence.Indeterminate)
        {
            unknown.Add("Presence of a soft-tissue mass not stated.");
        }

        if (unknown.Count == 0)
        {
            return;
        }

        detail.AppendLine().AppendLine("**Not determined from the record:**");
        foreach (var line in unknown)
        {
            detail.Append("- ").AppendLine(line);
        }
    }

    public static void AppendVerifyText(StringBuilder detail, bool anyFromText)
    {
        ArgumentNullException.ThrowIfNull(detail);
        if (anyFromText)
        {
            detail.AppendLine().AppendLine("Facts marked \"read from report text\" were read by the service from the radiology report wording, not from coded data: verify them against the report (coded data always win).");
        }
    }

    public static void AppendConflicts(StringBuilder detail, LesionAssessment lesion)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(lesion);
        if (lesion.Conflicts.Count == 0)
        {
            return;
        }

        detail.AppendLine().AppendLine("**Reports disagree** (the more concerning value is used until they are reconciled):");
        foreach (var conflict in lesion.Conflicts)
        {
            detail.Append("- ").Append(conflict.Descriptor).Append(": ").Append(conflict.First).Append(" vs ").AppendLine(conflict.Second);
        }
    }
}
