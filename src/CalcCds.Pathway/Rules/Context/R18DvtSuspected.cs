using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R18 — DVT suspected → compression duplex ultrasound (§5, §2.6). Fires once per patient with an index finding when
/// DVT suspicion is recorded (a suspected DVT Condition ≤ 14 d, or acute calf pain and swelling on the same side),
/// there is no active confirmed DVT, and no venous duplex of that leg in the last 72 hours. Warning; the duplex is
/// for the side of the symptoms (else the lesion's side). The action comes from standard practice, not the seeds.
/// </summary>
[RuleDoc(
    "DVT suspected (suspected DVT Condition ≤ 14 d, or acute calf pain and swelling) without confirmed DVT or a duplex in 72 h",
    "warning",
    "Compression duplex venous US of the symptomatic leg",
    Sources.DvtNotFromSeeds,
    Sources.S1UltrasoundVascular,
    Sources.S1Phleboliths)]
public sealed class R18DvtSuspected : IRule
{
    public const string RuleId = "R18";

    public const string Summary = "Calf pain/swelling with possible DVT: order compression duplex venous ultrasound";

    private const double RecentDuplexDays = 3;

    public string Id => RuleId;

    public string Name => "DVT suspected";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var suspicion = picture.Context.DvtSuspicion;
        if (!suspicion.IsSet || picture.Context.KnownDeepVeinThrombosis.IsSet || picture.IndexFindings.Count == 0)
        {
            yield break;
        }

        var symptomSide = suspicion.Evidence.Select(e => e.Side).FirstOrDefault(s => s is not null);
        var finding = picture.IndexFindings.FirstOrDefault(f => ContextFlag.SameLimb(f.Laterality?.Value, symptomSide)) ?? picture.IndexFindings[0];
        var side = symptomSide ?? finding.Laterality?.Value;
        if (VenousDuplex.RecentlyOrdered(picture, RecentDuplexDays, side))
        {
            yield break;
        }

        yield return new RuleCard
        {
            RuleId = RuleId,
            LesionKey = finding.LesionKey,
            Indicator = CardIndicator.Warning,
            Summary = Summary,
            DetailWriter = () => Detail(finding, suspicion, side),
            // The card rests on the symptoms and Conditions, not on the finding's descriptors, so a preliminary
            // radiology report does not cap it.
            OverrideReasons = ContextText.OverrideReasons,
            SuggestionsWriter = () => [ContextOrders.Suggest(picture, finding, VenousDuplex.For(side), "Order urgent compression duplex venous ultrasound", priority: "urgent", side: side)],
        };
    }

    private static string Detail(IndexFinding finding, ContextFlag suspicion, Laterality? side)
    {
        var detail = ContextText.Start(finding);
        detail.AppendLine().AppendLine("**DVT suspicion (≤ 14 days):**").Evidence("Recorded", suspicion);
        detail.Paragraph("Calf calcification does not explain acute calf pain and swelling. Exclude DVT with compression duplex ultrasound, and apply the local DVT pathway (pre-test probability score ± D-dimer).");
        if (side is null)
        {
            detail.Paragraph(ContextOrders.SideNotRecorded);
        }

        CardText.AppendSources(detail, Sources.DvtNotFromSeeds, Sources.S1UltrasoundVascular, Sources.S1Phleboliths);
        return CardText.Finish(detail);
    }
}
