using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;

namespace CalcCds.Pathway.Rules.Lesion;

/// <summary>
/// R23 — known (treated) tumour at the same site: route to the oncology team (clinical-pathway.md §5 R23). Fires on
/// KNOWN_SARCOMA_CARE and replaces R01/R02 for the lesion. The chemotherapy/radiotherapy branch is not implemented.
/// </summary>
[RuleDoc(
    "Known sarcoma/tumour care at the same site (KNOWN_SARCOMA_CARE); replaces R01/R02",
    "info",
    "— (route to the oncology team)",
    Sources.S2TreatmentNecrosis)]
public sealed class R23KnownTumourAtSite : IRule
{
    public const string RuleId = "R23";

    public const string Summary = "Known tumor at this site: calcification may reflect treatment necrosis; route to the oncology team";

    public string Id => RuleId;

    public string Name => "Known (treated) tumour at the same site";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var care = picture.KnownSarcomaCare;
        if (!care.Known)
        {
            yield break;
        }

        foreach (var lesion in picture.Lesions)
        {
            var detail = LesionCards.Start(lesion);
            detail.AppendLine().AppendLine("**Known sarcoma care:**");
            foreach (var fact in care.Facts)
            {
                detail.AppendLine(fact);
            }

            if (lesion.HasRedFlag || lesion.Aggressive)
            {
                detail.AppendLine().AppendLine("**Red flags on this lesion** (for the oncology team; no separate referral card):");
                LesionCards.AppendFlags(detail, lesion.TrueFlags);
            }

            detail.AppendLine()
                .AppendLine("After chemotherapy or radiotherapy a soft-tissue tumour may calcify through tumour necrosis. Route this finding to the treating oncology / sarcoma team rather than starting a new work-up.");
            LesionCards.AppendVerifyText(detail, lesion.Finding.AnyFromText);
            CardText.AppendSources(detail, Sources.S2TreatmentNecrosis);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = lesion.LesionKey,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                FromPreliminaryData = lesion.Finding.IsPreliminary,
            };
        }
    }
}
