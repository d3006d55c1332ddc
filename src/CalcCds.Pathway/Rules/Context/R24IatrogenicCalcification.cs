using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>
/// R24 — injection or iatrogenic context → injection granuloma or iatrogenic calcification (§5). Fires on the
/// <c>focal-dense-injection</c> pattern, the <c>iatrogenic</c> mechanism, or a calcium-salt MedicationRequest whose
/// note records an extravasation (§2.4; RxCUIs are [U], so the medication is recognised by its name). Info.
/// </summary>
[RuleDoc(
    "Focal-dense-injection pattern, iatrogenic mechanism, or a calcium-salt extravasation recorded on a MedicationRequest",
    "info",
    "—",
    Sources.S0Iatrogenic,
    Sources.S2InjectionGranuloma)]
public sealed class R24IatrogenicCalcification : IRule
{
    public const string RuleId = "R24";

    public const string Summary = "Calcification at a prior injection site: likely injection granuloma or iatrogenic calcification";

    private static readonly string[] CalciumSalts = ["calcium gluconate", "calcium chloride"];

    public string Id => RuleId;

    public string Name => "Injection or iatrogenic context";

    public IReadOnlySet<string> Hooks => ContextText.PatientView;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var extravasations = picture.Prefetch.Resources<MedicationRequest>(PrefetchKeys.MedicationRequests)
            .Where(IsCalciumExtravasation)
            .Select(m => new Fact<string>(MedicationName(m) ?? "calcium salt", FactOrigin.Coded, m.Ref(), m.AuthoredOn?.Value))
            .ToList();
        foreach (var finding in picture.IndexFindings)
        {
            var pattern = ContextText.Patterns(finding, StcCodes.Pattern.FocalDenseInjection).ToList();
            var mechanism = FindingDescriptors.Of(finding).Mechanism;
            var iatrogenic = mechanism?.Value == StcCodes.Mechanism.Iatrogenic ? mechanism : null;
            if (pattern.Count == 0 && iatrogenic is null && extravasations.Count == 0)
            {
                continue;
            }

            var detail = ContextText.Start(finding);
            detail.AppendLine().AppendLine("**Facts:**").Facts("Pattern", pattern).Fact("Mechanism", iatrogenic).Facts("Calcium infusion with extravasation", extravasations);
            detail.Paragraph("Injection granulomas are focal and densely calcified, at common intramuscular injection sites. Iatrogenic calcification follows calcium-containing infusions (e.g. calcium gluconate extravasation) or contrast media.")
                .Paragraph("Confirm the injection or infusion history at this site; a lesion that does not fit still needs the standard triage.")
                .VerifyTextFacts(finding);
            CardText.AppendSources(detail, Sources.S0Iatrogenic, Sources.S2InjectionGranuloma);
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

    private static bool IsCalciumExtravasation(MedicationRequest request) =>
        request.Status is not "entered-in-error"
        && MedicationName(request) is { } name && CalciumSalts.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase))
        && request.Note?.Any(n => n.Text?.Contains("extravasat", StringComparison.OrdinalIgnoreCase) == true) == true;

    private static string? MedicationName(MedicationRequest request) =>
        request.MedicationCodeableConcept?.Text
        ?? request.MedicationCodeableConcept?.Coding?.FirstOrDefault(c => c.Display is not null)?.Display;
}
