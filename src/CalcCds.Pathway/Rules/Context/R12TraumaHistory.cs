using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R12 — trauma history at the site → post-traumatic calcification (dystrophic / myositis ossificans / heterotopic
/// ossification), clinical-pathway.md §5. Fires when TRAUMA_HX is set for the lesion's limb and the calcification
/// is dystrophic or of unreported mechanism, or peripheral-zonal / amorphous-dystrophic / non-specific. Suggests CT
/// when the matrix is indeterminate, and a short-interval radiograph when the injury is recent (S4's MO timeline).
/// It never suppresses R01/R02: a mimic does not cancel a red flag (§5 precedence 2); when they fire, R12 is silent
/// and its text goes into their detail as a possible mimic (<see cref="FoldsIntoSarcomaCard"/>).
/// </summary>
[RuleDoc(
    "Trauma history at the limb (any time) with a dystrophic/unreported mechanism or a post-traumatic pattern, and no red flag (with red flags the text goes into R01/R02 as a possible mimic)",
    "info",
    "CT without contrast if matrix indeterminate; XR lower leg in 3–6 weeks if the injury is recent",
    Sources.S2Dystrophic,
    Sources.S0PostTraumatic,
    Sources.S1RemoteTrauma,
    Sources.S3TraumaHistory,
    Sources.S3Hematoma,
    Sources.S4MoTimeline)]
public sealed class R12TraumaHistory : IRule
{
    public const string RuleId = "R12";

    public const string Summary = "Trauma history at this site: post-traumatic (dystrophic, myositis ossificans) calcification likely";

    private static readonly string[] PostTraumaticPatterns =
        [StcCodes.Pattern.PeripheralZonal, StcCodes.Pattern.AmorphousDystrophic, StcCodes.Pattern.Nonspecific];

    public string Id => RuleId;

    public string Name => "Trauma history at the site";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var finding in picture.IndexFindings)
        {
            var side = finding.Laterality?.Value;
            var trauma = TraumaAtSite(picture, finding);
            if (trauma is null || FoldsIntoSarcomaCard(picture, finding))
            {
                continue;
            }

            var descriptors = FindingDescriptors.Of(finding);

            var suggestions = new List<Suggestion>();
            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Trauma history (any time; resolved entries count):**").Evidence("Trauma history", trauma);
            detail.Fact("Mechanism", descriptors.Mechanism).Facts("Pattern", finding.Patterns).Fact("Matrix", descriptors.Matrix);
            detail.Paragraph("Dystrophic calcification is by far the most common type (≈95–98 %). It follows trauma, haematoma or inflammation, and may ossify (heterotopic ossification / myositis ossificans).")
                .Paragraph("Expected course of myositis ossificans: floccular density in the first 4–8 weeks; calcification visible by 2–6 weeks; well-circumscribed peripheral calcification by ~2 months; smaller and denser over the following ~4 months.")
                .Paragraph("A lesion that does not follow this course, or has red flags, needs sarcoma triage (R01).");

            if (descriptors.Matrix?.Value == StcCodes.Matrix.Indeterminate)
            {
                detail.Paragraph("The matrix is indeterminate: CT without contrast can show zonal maturation (R07).");
                suggestions.Add(ContextOrders.Suggest(picture, finding, CtOrder(), "Order CT lower leg without contrast"));
            }

            var options = picture.Options.Context;
            var recent = trauma.Evidence
                .Select(e => FhirDateTime.TryParse(e.Fact.Date, out var date) ? date.UpperBound : (DateTimeOffset?)null)
                .Any(d => d >= picture.Now.AddDays(-7 * options.RecentInjuryWeeks));
            if (recent)
            {
                detail.Paragraph($"The injury is under {options.RecentInjuryWeeks} weeks old: a short-interval radiograph in {options.MoFollowupWeeksMin}–{options.MoFollowupWeeksMax} weeks can show peripheral (zonal) maturation.");
                var window = new Period
                {
                    Start = FhirDateTime.FromDate(DateOnly.FromDateTime(picture.Now.AddDays(7 * options.MoFollowupWeeksMin).UtcDateTime)),
                    End = FhirDateTime.FromDate(DateOnly.FromDateTime(picture.Now.AddDays(7 * options.MoFollowupWeeksMax).UtcDateTime)),
                };
                suggestions.Add(ContextOrders.Suggest(
                    picture, finding, new OrderCode(ContextOrderCodes.XrLowerLeg.Loinc, "XR Tibia and Fibula Views", ContextOrderCodes.XrLowerLeg.Cpt, "Radiologic examination; tibia and fibula, 2 views"),
                    $"Repeat radiograph of the lower leg in {options.MoFollowupWeeksMin}–{options.MoFollowupWeeksMax} weeks", occurrence: window));
            }

            if (suggestions.Count > 0 && side is null)
            {
                detail.Paragraph(ContextOrders.SideNotRecorded);
            }

            detail.Paragraph("Patients often do not link a remote injury to the finding, so ask.").VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S2Dystrophic, Sources.S0PostTraumatic, Sources.S1RemoteTrauma, Sources.S3TraumaHistory, Sources.S3Hematoma, Sources.S4MoTimeline);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = finding.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = suggestions,
                FromPreliminaryData = finding.IsPreliminary,
                OverrideReasons = ContextText.OverrideReasons,
            };
        }
    }

    /// <summary>
    /// TRAUMA_HX at the lesion's limb when the calcification fits a post-traumatic origin (dystrophic or unreported
    /// mechanism, or a post-traumatic pattern); null otherwise. R01/R02 use it for their "possible mimic" text.
    /// </summary>
    public static ContextFlag? TraumaAtSite(PatientPicture picture, IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(finding);
        var trauma = picture.Context.TraumaHistory.AtSide(finding.Laterality?.Value);
        var mechanism = FindingDescriptors.Of(finding).Mechanism?.Value;
        var fits = mechanism is null or StcCodes.Mechanism.Dystrophic || ContextText.HasPattern(finding, PostTraumaticPatterns);
        return trauma.IsSet && fits ? trauma : null;
    }

    /// <summary>
    /// §5 R12 "no red flag (if red flags exist, this rule's text goes into R01's detail as 'possible mimic')": when a
    /// sarcoma card (R01, or R02 which outranks it) fires for the lesion, R12 stays silent and that card carries the
    /// text. Red flags without a sarcoma card (preliminary data, known sarcoma care) leave R12 in place, so the trauma
    /// history is not lost.
    /// </summary>
    public static bool FoldsIntoSarcomaCard(PatientPicture picture, IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return picture.LesionFor(finding) is { } lesion && LesionCards.SarcomaCardFires(picture, lesion);
    }

    /// <summary>CT lower extremity without contrast (§2.5: "use without contrast when the question is mineralization").
    /// The catalogue's side-specific CT codes (35979-4 / 35976-0) do not say "without contrast", so the side goes in
    /// bodySite and the code stays 30625-8.</summary>
    internal static OrderCode CtOrder() => new(
        ContextOrderCodes.CtWithoutContrast.LoincWithoutContrast, "CT Lower extremity WO contrast", ContextOrderCodes.CtWithoutContrast.Cpt, "CT lower extremity without contrast");
}
