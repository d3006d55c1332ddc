using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R15 — linear arterial-type calcification → vascular assessment (§5). Fires on VASC_ART in a vascular-risk context
/// (diabetes, CKD ≥ G3a, symptoms without a PAD diagnosis, or age ≥ VASC_AGE), when no ABI or arterial duplex was
/// ordered or done within 12 months. Known PAD gives no card: it is already being looked after.
/// </summary>
[RuleDoc(
    "Linear arterial-type calcification in a vascular-risk context (diabetes, CKD ≥ G3a, symptoms, age) without known PAD or a recent ABI/duplex",
    "info",
    "Ankle-brachial index (± arterial duplex)",
    Sources.S1ArterialVenous,
    Sources.S1VascularPathology,
    Sources.S1VascularStudies)]
public sealed class R15ArterialCalcification : IRule
{
    public const string RuleId = "R15";

    public const string Summary = "Linear arterial-type calcification: consider PAD/diabetes/CKD assessment (ankle-brachial index)";

    private const int RecentStudyDays = 365;

    public string Id => RuleId;

    public string Name => "Linear arterial-type calcification";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var context = picture.Context;
        if (context.PeripheralArterialDisease.Evidence.Any(e => e.Certainty == Certainty.Known)
            || ContextOrders.RecentlyOrdered(picture, ContextOrderCodes.Arterial.AllLoinc, ContextOrderCodes.Arterial.AllCpt, RecentStudyDays, side: null))
        {
            yield break;
        }

        var vascAge = picture.Options.Context.VascAgeYears;
        var symptomaticWithoutPad = picture.Symptoms == SymptomStatus.Symptomatic;
        var aged = picture.AgeYears >= vascAge;
        var risk = context.Diabetes.IsSet || context.ChronicKidneyDiseaseStage3Plus.IsSet || symptomaticWithoutPad || aged;
        if (!risk)
        {
            yield break;
        }

        foreach (var finding in picture.IndexFindings)
        {
            var arterial = ContextFlags.VascularArterial(finding);
            if (!arterial.IsSet)
            {
                continue;
            }

            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Facts:**").Evidence("Arterial-type calcification", arterial)
                .Evidence("Diabetes", context.Diabetes).Evidence("CKD stage 3 or worse", context.ChronicKidneyDiseaseStage3Plus);
            if (aged)
            {
                detail.AppendLine($"- Age {picture.AgeYears} years (≥ VASC_AGE {vascAge})");
            }

            if (symptomaticWithoutPad)
            {
                detail.AppendLine("- Symptoms recorded at the limb, and no peripheral arterial disease diagnosis on record");
            }

            detail.Paragraph("Arterial calcification may mark significant vascular disease (atherosclerosis; medial calcification in diabetes or CKD). Consider vascular studies: ankle-brachial index ± arterial duplex.")
                .Paragraph("ABI can be falsely high when calcified arteries are incompressible; a toe-brachial index may be needed (general knowledge, not from the seeds).")
                .Paragraph("No ABI or arterial duplex is on record in the last 12 months.")
                .VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S1ArterialVenous, Sources.S1VascularPathology, Sources.S1VascularStudies);

            var side = finding.Laterality?.Value;
            var unilateral = side is Laterality.Right or Laterality.Left;
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = finding.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                FromPreliminaryData = finding.IsPreliminary,
                OverrideReasons = ContextText.OverrideReasons,
                Suggestions =
                [
                    ContextOrders.Suggest(
                        picture, finding,
                        new OrderCode(ContextOrderCodes.Arterial.LoincBilateralPhysiologic, "Extremity arteries - bilateral US.doppler multisection and physiologic artery study", ContextOrderCodes.Arterial.CptAbiLimited, "Limited bilateral noninvasive physiologic studies of lower extremity arteries (ankle-brachial index)"),
                        "Order ankle-brachial index (bilateral)", side: Laterality.Bilateral),
                    ContextOrders.Suggest(
                        picture, finding,
                        new OrderCode(
                            ContextOrderCodes.Arterial.LoincArteryDoppler, "Lower extremity artery US.doppler",
                            unilateral ? ContextOrderCodes.Arterial.CptDuplexLimited : ContextOrderCodes.Arterial.CptDuplexComplete,
                            unilateral ? "Duplex scan of lower extremity arteries; unilateral or limited study" : "Duplex scan of lower extremity arteries; complete bilateral study"),
                        "Optionally, order arterial duplex ultrasound"),
                ],
            };
        }
    }
}
