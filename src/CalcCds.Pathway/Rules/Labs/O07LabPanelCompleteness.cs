using System.Text;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Labs;

/// <summary>
/// O07 — lab panel completeness while lab orders are chosen (clinical-pathway.md §5 "O07"). A: a total calcium is
/// drafted without albumin (drafted or resulted within 24 h): add albumin, or ionized calcium where it is preferred.
/// B: a systemic cause is suspected and the drafts hold part of the §4.4 panel: add the missing tests. Info. Fires
/// without an index finding too (§5 "O07–O09 still do").
/// </summary>
[RuleDoc(
    "Total calcium drafted without albumin (or iCa), or a partial systemic panel drafted when a systemic cause is suspected",
    "info",
    "Add the missing tests",
    Sources.S0LabTesting,
    Sources.CorrectedCalcium,
    Sources.S3Metastatic)]
public sealed class O07LabPanelCompleteness : IRule
{
    public const string RuleId = "O07";

    public const string AlbuminSummary = "Add albumin (or ionized calcium) so the calcium result can be interpreted";

    public const string PanelSummary = "Systemic work-up for soft-tissue calcification: add the missing Ca/phosphate/PTH/renal/ESR-CRP tests";

    private static readonly HashSet<string> TotalCalciumCodes = new(StringComparer.Ordinal) { LabLoinc.CalciumTotalMass, LabLoinc.CalciumTotalMoles };

    public string Id => RuleId;

    public string Name => "Lab panel completeness";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.OrderSelect };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var drafted = picture.DraftOrders
            .SelectMany(o => o.Code?.Coding ?? [])
            .Where(c => c.System == FhirSystems.Loinc && c.Code is not null)
            .Select(c => c.Code!)
            .ToHashSet(StringComparer.Ordinal);
        if (drafted.Count == 0)
        {
            yield break;
        }

        if (AlbuminCard(picture, drafted) is { } albumin)
        {
            yield return albumin;
        }

        if (PanelCard(picture, drafted) is { } panel)
        {
            yield return panel;
        }
    }

    private static RuleCard? AlbuminCard(PatientPicture picture, HashSet<string> drafted)
    {
        if (!drafted.Overlaps(TotalCalciumCodes) || drafted.Contains(LabLoinc.Albumin))
        {
            return null;
        }

        var window = TimeSpan.FromHours(picture.Options.Labs.PairedSampleHours);
        if (picture.LabHistory.Latest(Analyte.Albumin) is { } recent && picture.Now - recent.When <= window)
        {
            return null;
        }

        var labs = picture.Labs;
        var tests = new List<MissingLab> { Missing(picture, "Albumin", Analyte.Albumin) };
        if (labs.IonizedPreferred && !drafted.Overlaps(AnalyteInfo.Of(Analyte.CalciumIonized).MassCodes.Concat(AnalyteInfo.Of(Analyte.CalciumIonized).SubstanceCodes)))
        {
            tests.Add(Missing(picture, "Ionized calcium (preferred: CKD G4–G5D or albumin < 3.0 g/dL)", Analyte.CalciumIonized));
        }

        var (suggestions, _) = LabOrders.Suggest(picture, tests);
        var detail = CardText.NewDetail()
            .AppendLine("A total calcium is being ordered without an albumin (none drafted, none resulted in the last 24 h), so it cannot be albumin-corrected.")
            .AppendLine(labs.IonizedPreferred
                ? "Ionized calcium is preferred here (CKD G4–G5D, dialysis, or albumin below 3.0 g/dL): the albumin correction is unreliable."
                : "Corrected calcium = Ca + 0.8 × (4.0 − albumin g/dL).");
        LabCardText.AppendLines(detail, "**Tests suggested:**", tests.Select(t => t.Describe()));
        CardText.AppendSources(detail, Sources.S0LabTesting, Sources.CorrectedCalcium);
        return Card(AlbuminSummary, "albumin", detail, suggestions);
    }

    private static RuleCard? PanelCard(PatientPicture picture, HashSet<string> drafted)
    {
        var systemic = picture.Systemic;
        var panelDrafted = drafted.Any(code => AnalyteInfo.ForLoinc(code) is not null);
        if (!systemic.Suspect || !panelDrafted)
        {
            return null;
        }

        var stillMissing = systemic.Missing.Where(m => !IsDrafted(m.Order, drafted)).ToList();
        if (stillMissing.Count == 0)
        {
            return null;
        }

        var (suggestions, already) = LabOrders.Suggest(picture, stillMissing);
        if (suggestions.Count == 0)
        {
            return null;
        }

        var detail = CardText.NewDetail();
        LabCardText.AppendLines(detail, "**Why a systemic cause is suspected:**", systemic.Reasons.Select(r => r.Text));
        LabCardText.AppendMissing(detail, "**Not in the drafts and no recent result:**", stillMissing);
        LabCardText.AppendLines(detail, "**Already ordered:**", already);
        CardText.AppendSources(detail, Sources.S0LabTesting, Sources.S3Metastatic);
        return Card(PanelSummary, "panel", detail, suggestions);
    }

    /// <summary>The drafts already hold this test: same analyte, or creatinine/eGFR for renal function, ESR/CRP for inflammation.</summary>
    private static bool IsDrafted(AnalyteInfo test, HashSet<string> drafted)
    {
        var analytes = drafted.Select(AnalyteInfo.ForLoinc).OfType<AnalyteInfo>().Select(a => a.Analyte).ToHashSet();
        return test.Analyte switch
        {
            Analyte.Creatinine or Analyte.Egfr => analytes.Contains(Analyte.Creatinine) || analytes.Contains(Analyte.Egfr),
            Analyte.Esr or Analyte.Crp => analytes.Contains(Analyte.Esr) || analytes.Contains(Analyte.Crp),
            _ => analytes.Contains(test.Analyte),
        };
    }

    private static MissingLab Missing(PatientPicture picture, string test, Analyte analyte)
    {
        var last = picture.LabHistory.LatestAny(analyte);
        return new MissingLab(test, AnalyteInfo.Of(analyte), last, last is null ? "no result" : "not within 24 h");
    }

    private static RuleCard Card(string summary, string key, StringBuilder detail, IReadOnlyList<Suggestion> suggestions) => new()
    {
        RuleId = RuleId,
        LesionKey = key,
        Indicator = CardIndicator.Info,
        Summary = summary,
        Detail = CardText.Finish(detail),
        Suggestions = suggestions,
        SelectionBehavior = SelectionBehavior.Any,
    };
}
