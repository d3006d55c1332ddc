using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R13 — compartment syndrome or remote trauma with a fusiform, peripherally plaque-calcified mass → consider calcific
/// myonecrosis (§5). Fires on the pattern <c>plaque-peripheral-fusiform</c>, or on COMPARTMENT_HX with an associated
/// mass in an intramuscular location. Suggests MRI unless an MRI is already ordered or done. Info; a neoplasm
/// mimic, so it never suppresses R01.
/// </summary>
[RuleDoc(
    "Plaque-peripheral-fusiform pattern, or compartment-syndrome history with an intramuscular mass",
    "info",
    "MRI lower leg (unless already ordered or done)",
    Sources.S1CalcificMyonecrosis,
    Sources.S1MyonecrosisLate,
    Sources.S3MyonecrosisCompartment)]
public sealed class R13CalcificMyonecrosis : IRule
{
    public const string RuleId = "R13";

    public const string Summary = "Prior compartment syndrome or trauma with a fusiform peripherally calcified mass: consider calcific myonecrosis";

    /// <summary>PRIOR_MR window (§4.7): an MRI ordered or done this recently is not suggested again.</summary>
    private const int PriorMriDays = 90;

    public string Id => RuleId;

    public string Name => "Compartment syndrome or remote trauma + fusiform mass with peripheral plaque-like calcification";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var finding in picture.IndexFindings)
        {
            var side = finding.Laterality?.Value;
            var compartment = picture.Context.CompartmentHistory.AtSide(side);
            var trauma = picture.Context.TraumaHistory.AtSide(side);
            var descriptors = FindingDescriptors.Of(finding);
            var pattern = ContextText.Patterns(finding, StcCodes.Pattern.PlaquePeripheralFusiform).ToList();
            var intramuscular = descriptors.Location(StcCodes.Location.Intramuscular);
            var massAfterCompartment = compartment.IsSet && finding.AssociatedMass?.Value == Presence.Present && intramuscular is not null;
            if (pattern.Count == 0 && !massAfterCompartment)
            {
                continue;
            }

            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Facts:**").Facts("Pattern", pattern).Evidence("Compartment syndrome / fasciotomy", compartment)
                .Evidence("Trauma history", trauma).Fact("Associated mass", finding.AssociatedMass).Fact("Location", intramuscular);
            if (picture.Context.TraumaHistoryUnknown)
            {
                detail.Paragraph("No injury or compartment syndrome is on record. " + ContextText.AskAboutTrauma);
            }

            detail.Paragraph("Calcific myonecrosis is a rare late sequela of trauma, especially compartment syndrome, presenting years later as a slow-growing painless mass.")
                .Paragraph("X-ray: peripheral plaque-like calcification. MRI: heterogeneous signal with peripheral low signal. Obtain MRI if not done; discuss with the sarcoma centre if features are atypical.")
                .Paragraph("No specific ICD-10-CM code exists; best fit M61.46- (other calcification of muscle, lower leg).");

            var suggestions = new List<Suggestion>();
            if (ContextOrders.RecentlyOrdered(picture, ContextOrderCodes.Mri.AllLoinc, ContextOrderCodes.Mri.AllCpt, PriorMriDays, side))
            {
                detail.Paragraph($"An MRI of the lower limb is already ordered or done (≤ {PriorMriDays} days): review it rather than repeating it.");
            }
            else
            {
                suggestions.Add(ContextOrders.Suggest(picture, finding, MriOrder(side), "Order MRI lower leg without and with contrast"));
                if (side is null)
                {
                    detail.Paragraph(ContextOrders.SideNotRecorded);
                }
            }

            detail.VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S1CalcificMyonecrosis, Sources.S1MyonecrosisLate, Sources.S3MyonecrosisCompartment);
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

    internal static OrderCode MriOrder(Laterality? side) => new(
        ContextOrders.BySide(side, ContextOrderCodes.Mri.LoincRight, ContextOrderCodes.Mri.LoincLeft, ContextOrderCodes.Mri.LoincBilateral, ContextOrderCodes.Mri.LoincLowerLeg),
        side switch
        {
            Laterality.Right => "MR Lower leg - right",
            Laterality.Left => "MR Lower leg - left",
            Laterality.Bilateral => "MR Lower leg - bilateral",
            _ => "MR Lower leg",
        },
        ContextOrderCodes.Mri.CptWithoutAndWith,
        "MRI lower extremity other than joint, without and with contrast");
}
