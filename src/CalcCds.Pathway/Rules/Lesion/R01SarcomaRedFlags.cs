using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// R01 — sarcoma red flags: refer to a sarcoma centre before any biopsy (clinical-pathway.md §5 R01, §4.5, §6.2).
/// Critical for RED_FLAG_MAJOR or two or more flags, warning for one. Protected from the card budget. Red flags read
/// from report text count (Product decision 7) and the card asks to verify them. Never on preliminary data; replaced
/// by R23 in known sarcoma care; R02 takes precedence for bone destruction or an osteoid-like matrix.
/// </summary>
[RuleDoc(
    "At least one sarcoma red flag (size ≥ 5 cm, deep, rapid growth, unexplained pain or pain with a mass, osteoid-like matrix) with a mass present or not stated, or size/deep/rapid growth; final data; no known sarcoma care or sarcoma-centre referral; R02 not firing",
    "critical (major flag or ≥ 2 flags) · warning (1 flag); never dropped by the budget",
    "Referral to sarcoma centre (SNOMED 183545006 + stc-order#sarcoma-mdt-referral, urgent); MRI per centre in the detail",
    Sources.S0ReferralFeatures,
    Sources.S3SarcomaCentre,
    Sources.S3ConcerningFeatures,
    Sources.S3BiopsyTract,
    Sources.S3FrozenSection,
    Sources.S3Incidence,
    Sources.S1NotAllBenign,
    Sources.Esmo2014,
    Sources.Ng12,
    Sources.UkSarcoma2024,
    Sources.S4MoTimeline)]
public sealed class R01SarcomaRedFlags : IRule
{
    public const string RuleId = "R01";

    public const string CriticalSummary = "Calcified leg lesion with sarcoma red flags: refer to a sarcoma center before any biopsy";

    public const string WarningSummary = "Calcified leg lesion with a sarcoma warning sign: discuss with a sarcoma center before biopsy";

    public string Id => RuleId;

    public string Name => "Sarcoma red flags";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var lesion in picture.Lesions)
        {
            if (!LesionCards.R01Applies(picture, lesion))
            {
                continue;
            }

            var critical = lesion.RedFlagMajor || lesion.RedFlagCount >= 2;
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = critical ? CardIndicator.Critical : CardIndicator.Warning,
                Summary = critical ? CriticalSummary : WarningSummary,
                Detail = Detail(picture, lesion),
                Suggestions = [LesionOrders.SarcomaReferral(picture, lesion.Finding)],
                SelectionBehavior = SelectionBehavior.Any,
                OverrideReasons = SarcomaCardText.OverrideReasons,
                Protected = true,
                FromPreliminaryData = lesion.Finding.IsPreliminary,
            };
        }
    }

    private static string Detail(PatientPicture picture, LesionAssessment lesion)
    {
        var detail = LesionCards.Start(lesion);
        detail.AppendLine().Append("**Red flags** (").Append(lesion.RedFlagCount).Append(lesion.RedFlagMajor ? ", major" : string.Empty).AppendLine("):");
        LesionCards.AppendFlags(detail, lesion.TrueFlags);
        if (lesion.Increasing.IsTrue)
        {
            LesionCards.AppendFlags(detail, [lesion.Increasing]);
        }

        LesionCards.AppendConflicts(detail, lesion);
        LesionCards.AppendUnknowns(detail, lesion);
        LesionCards.AppendVerifyText(detail, lesion.TrueFlags.Any(f => f.FromText));
        SarcomaCardText.AppendPossibleMimic(detail, picture, lesion);
        SarcomaCardText.AppendReferralAdvice(detail, picture, lesion);
        CardText.AppendSources(detail, Sources.S0ReferralFeatures, Sources.S3SarcomaCentre, Sources.S3ConcerningFeatures, Sources.S3BiopsyTract,
            Sources.S3FrozenSection, Sources.S3Incidence, Sources.S1NotAllBenign, Sources.Esmo2014, Sources.Ng12, Sources.UkSarcoma2024);
        return CardText.Finish(detail);
    }
}
