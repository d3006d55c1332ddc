using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R19 — autoimmune context or sheet-like / subcutaneous calcinosis → connective-tissue-disease calcinosis (§5).
/// Fires on AUTOIMMUNE, the <c>sheet-like</c> pattern, or a multifocal cutaneous/subcutaneous calcification.
/// Product decision 6: rheumatology advice and the ESR/CRP check stay in the text; no orders.
/// </summary>
[RuleDoc(
    "Autoimmune connective-tissue disease, sheet-like pattern, or multifocal cutaneous/subcutaneous calcification",
    "info",
    "— (ESR/CRP and rheumatology review in the text)",
    Sources.S2Autoimmune,
    Sources.S4Scleroderma,
    Sources.S3SystemicPitfall)]
public sealed class R19AutoimmuneCalcinosis : IRule
{
    public const string RuleId = "R19";

    public const string Summary = "Connective-tissue disease or sheet-like calcinosis: autoimmune-related calcification likely; check ESR/CRP";

    public string Id => RuleId;

    public string Name => "Autoimmune context or sheet-like/subcutaneous calcinosis";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var autoimmune = picture.Context.Autoimmune;
        foreach (var finding in picture.IndexFindings)
        {
            var descriptors = FindingDescriptors.Of(finding);
            var sheet = ContextText.Patterns(finding, StcCodes.Pattern.SheetLike).ToList();
            var skin = descriptors.Location(StcCodes.Location.Subcutaneous, StcCodes.Location.Cutaneous);
            var multifocal = descriptors.Distribution?.Value == StcCodes.Distribution.Multifocal ? descriptors.Distribution : null;
            var skinMultifocal = skin is not null && multifocal is not null;
            if (!autoimmune.IsSet && sheet.Count == 0 && !skinMultifocal)
            {
                continue;
            }

            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Facts:**").Evidence("Connective-tissue disease", autoimmune).Facts("Pattern", sheet);
            if (skinMultifocal)
            {
                detail.Fact("Location", skin).Fact("Distribution", multifocal);
            }

            detail.Paragraph("Dermatomyositis, scleroderma/CREST and SLE can cause soft-tissue calcification; in dermatomyositis, mostly in the muscles of the arms and legs.")
                .Paragraph("SLE with renal disease can also cause metastatic calcification, so the systemic lab review (R09) applies too.")
                .Paragraph($"Check ESR (LOINC {ContextOrderCodes.InflammatoryMarkers.Esr}) and CRP (LOINC {ContextOrderCodes.InflammatoryMarkers.Crp}) if not recent.");
            if (!autoimmune.IsSet)
            {
                detail.Paragraph("No connective-tissue diagnosis is on record: consider rheumatology evaluation (design choice; the seeds say collagen vascular diseases should be considered).");
            }

            detail.VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S2Autoimmune, Sources.S4Scleroderma, Sources.S3SystemicPitfall);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = finding.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                FromPreliminaryData = finding.IsPreliminary,
                OverrideReasons = ContextText.OverrideReasons,
            };
        }
    }
}
