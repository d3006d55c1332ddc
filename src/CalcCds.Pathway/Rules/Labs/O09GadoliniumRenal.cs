using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Labs;

/// <summary>
/// O09 (optional, off by default: Product decision 5) — a gadolinium-enhanced MRI is about to be signed while the
/// latest eGFR is below 30, the patient is on dialysis (G5D), or AKI is active (clinical-pathway.md §5 "O09").
/// Warning; the card asks to review the need for contrast and the agent (NSF risk). Fires without an index finding.
/// </summary>
[RuleDoc(
    "Gadolinium-enhanced MRI being signed with latest eGFR < 30, dialysis, or active AKI",
    "warning",
    "— (review contrast need and agent)",
    Sources.FdaGadolinium)]
public sealed class O09GadoliniumRenal : IRule
{
    public const string RuleId = "O09";

    public const string Summary = "eGFR <30, dialysis or AKI: review need for gadolinium contrast and agent choice (NSF risk)";

    private const decimal EgfrLimit = 30m;

    public string Id => RuleId;

    public string Name => "Gadolinium MRI with eGFR < 30 or dialysis";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.OrderSign };

    public bool OptionalOffByDefault => true;

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var contrastMri = picture.DraftOrders.Where(IsContrastMri).ToList();
        if (contrastMri.Count == 0)
        {
            yield break;
        }

        var renal = picture.Renal;
        var reasons = new List<string>();
        if (renal.HasEgfrBelow(EgfrLimit))
        {
            reasons.Add($"- eGFR below {EgfrLimit}: {renal.EgfrLatest!.Describe()}");
        }

        if (renal.Stage == CkdStage.G5D)
        {
            reasons.Add("- On dialysis (CKD G5D):");
            reasons.AddRange(renal.CkdEvidence.Select(e => "  " + e));
        }

        if (renal.AkiActive)
        {
            reasons.Add("- Acute kidney injury active:");
            reasons.AddRange(renal.AkiEvidence.Select(e => "  " + e));
        }

        if (reasons.Count == 0)
        {
            yield break;
        }

        foreach (var order in contrastMri)
        {
            var detail = CardText.NewDetail()
                .Append("**Draft order:** ").Append(order.Code?.Text ?? (order.Code?.Coding is [var first, ..] ? first.Display : null) ?? "MRI with contrast").Append(" (").Append(order.Ref()).AppendLine(")");
            LabCardText.AppendLines(detail, "**Kidney function:**", reasons);
            detail.AppendLine().AppendLine("Review whether gadolinium is needed; if it is, choose the agent per local radiology policy. A non-contrast MRI may answer the question.");
            CardText.AppendSources(detail, Sources.FdaGadolinium);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = order.Id ?? "draft",
                Indicator = CardIndicator.Warning,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                OverrideReasons =
                [
                    new CdsCoding(StcCodes.Systems.Override, "contrast-reviewed", "Contrast need reviewed with radiology"),
                    new CdsCoding(StcCodes.Systems.Override, "other", "Other"),
                ],
            };
        }
    }

    /// <summary>CPT 73719/73720, LOINC 24703-1, or a LOINC MR code named "W contrast" / "WO and W contrast" (§2.5).</summary>
    public static bool IsContrastMri(ServiceRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Code.HasAny(FhirSystems.Cpt, LabOrderCodes.ContrastMriCpt)
            || order.Code.HasAny(FhirSystems.Loinc, LabOrderCodes.ContrastMriLoinc)
            || (order.Code?.Coding?.Any(c => c.System == FhirSystems.Loinc && c.Display is { } d
                && d.StartsWith("MR", StringComparison.Ordinal) && d.Contains(" W contrast", StringComparison.Ordinal)) ?? false);
    }
}
