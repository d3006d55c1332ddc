using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// R02 — bone destruction or osteoid-like matrix: urgent sarcoma referral (clinical-pathway.md §5 R02). Critical,
/// protected. Takes precedence over R01 (its card lists every red flag). Never on preliminary data; replaced by R23 in
/// known sarcoma care.
/// </summary>
[RuleDoc(
    "Bone destruction, erosion or periosteal reaction next to the lesion, or the osteoid-like amorphous-fluffy-confluent pattern; final data; no known sarcoma care",
    "critical; never dropped by the budget",
    "Urgent referral to sarcoma centre (as R01)",
    Sources.S0BoneDestruction,
    Sources.S2Osteosarcoma,
    Sources.S3SarcomaCentre,
    Sources.S3BiopsyTract,
    Sources.S3FrozenSection,
    Sources.Ng12,
    Sources.S4MoTimeline)]
public sealed class R02AggressiveFeatures : IRule
{
    public const string RuleId = "R02";

    public const string Summary = "Soft-tissue calcification with bone destruction or osteoid-like matrix: urgent sarcoma referral";

    public string Id => RuleId;

    public string Name => "Bone destruction or osteoid-like matrix";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var lesion in picture.Lesions)
        {
            if (!LesionCards.R02Applies(picture, lesion))
            {
                continue;
            }

            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Critical,
                Summary = Summary,
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
        detail.AppendLine().AppendLine("**Aggressive features:**");
        var osteoid = lesion.Finding.Patterns.FirstOrDefault(p => p.Value == StcCodes.Pattern.AmorphousFluffyConfluent);
        var flags = lesion.TrueFlags.ToList();
        LesionCards.AppendFlags(detail, flags);
        if (osteoid is not null && !lesion.Matrix.IsTrue)
        {
            detail.AppendLine("- osteoid-like matrix").AppendLine("  " + CardText.Fact("Pattern", osteoid));
        }

        LesionCards.AppendConflicts(detail, lesion);
        LesionCards.AppendUnknowns(detail, lesion);
        LesionCards.AppendVerifyText(detail, flags.Any(f => f.FromText) || osteoid?.FromText == true);
        detail.AppendLine().AppendLine("Possible primary soft-tissue or bone sarcoma, or a soft-tissue metastasis of osteosarcoma. Refer urgently to a sarcoma centre before any biopsy.")
            .AppendLine("For adults whose X-ray suggests bone sarcoma, NICE NG12 advises a suspected-cancer-pathway referral (within 2 weeks). If there is a history of osteosarcoma, tell the treating oncology team.");
        SarcomaCardText.AppendPossibleMimic(detail, picture, lesion);
        SarcomaCardText.AppendReferralAdvice(detail, picture, lesion);
        CardText.AppendSources(detail, Sources.S0BoneDestruction, Sources.S2Osteosarcoma, Sources.S3SarcomaCentre, Sources.S3BiopsyTract, Sources.S3FrozenSection, Sources.Ng12);
        return CardText.Finish(detail);
    }
}
