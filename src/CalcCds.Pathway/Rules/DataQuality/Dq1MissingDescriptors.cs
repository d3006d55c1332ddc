using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.DataQuality;

/// <summary>
/// DQ1 — the radiology descriptors needed for risk triage are missing (clinical-pathway.md §5 "DQ1", §1.4b, §7.6).
/// Fires for an index finding whose pattern, size with its basis, depth, associated mass, bone involvement or symptom
/// status cannot be determined, and always for a finding known only from report text (§1.4b). Info, raised to
/// warning when a mass is present but its size or depth is unknown, because red-flag status cannot be excluded.
/// </summary>
[RuleDoc(
    "Pattern, size with basis, depth, associated mass, bone involvement or symptom status unknown, or a finding known only from report text",
    "info · warning when a mass is present with size or depth unknown",
    "— (clarify with radiology)",
    Sources.S0EvaluatePattern,
    Sources.S0Location,
    Sources.S0ClinicalHistory,
    Sources.S3Correlation,
    Sources.S3Pitfall)]
public sealed class Dq1MissingDescriptors : IRule
{
    public const string RuleId = "DQ1";

    public const string MissingSummary = "Report lacks pattern, size or depth of the calcification: risk triage incomplete; clarify with radiology";

    public const string TextOnlySummary = "Calcification described in report text only: descriptors not coded; verify them with radiology";

    public string Id => RuleId;

    public string Name => "Radiology descriptors missing";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var finding in picture.IndexFindings)
        {
            var missing = Missing(finding, picture.Symptoms);
            var textOnly = finding.Origin == FactOrigin.ReportText;
            if (missing.Count == 0 && !textOnly)
            {
                continue;
            }

            var massWithoutTriage = finding.AssociatedMass?.Value == Presence.Present && (finding.SizeCm is null || finding.Depth is null || finding.Depth.Value == StcCodes.Depth.Indeterminate);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = finding.LesionKey,
                Indicator = massWithoutTriage ? CardIndicator.Warning : CardIndicator.Info,
                FromPreliminaryData = finding.IsPreliminary,
                Summary = missing.Count > 0 ? MissingSummary : TextOnlySummary,
                Detail = Detail(finding, missing, picture),
                OverrideReasons =
                [
                    new CdsCoding(StcCodes.Systems.Override, "descriptors-documented-elsewhere", "Descriptors documented elsewhere"),
                    new CdsCoding(StcCodes.Systems.Override, "radiology-already-contacted", "Radiology already contacted"),
                    new CdsCoding(StcCodes.Systems.Override, "other", "Other"),
                ],
            };
        }
    }

    internal static List<string> Missing(IndexFinding finding, SymptomStatus symptoms)
    {
        var missing = new List<string>();
        if (finding.Patterns.Count == 0)
        {
            missing.Add("calcification pattern (treated as non-specific until reported)");
        }

        if (finding.SizeCm is null)
        {
            missing.Add("lesion size (red-flag status incomplete)");
        }
        else if (finding.SizeBasis is null || finding.SizeBasis.Value == StcCodes.SizeBasis.Unknown)
        {
            missing.Add("what the size measures: the mass, or the extent of the calcification");
        }

        if (finding.Depth is null || finding.Depth.Value == StcCodes.Depth.Indeterminate)
        {
            missing.Add("depth relative to the deep fascia");
        }

        if (finding.AssociatedMass is null || finding.AssociatedMass.Value == Presence.Indeterminate)
        {
            missing.Add("whether a soft-tissue mass is present");
        }

        if (finding.BoneInvolvement is null || finding.BoneInvolvement.Value == StcCodes.Bone.Indeterminate)
        {
            missing.Add("bone involvement");
        }

        if (symptoms == SymptomStatus.Unknown)
        {
            missing.Add("symptom status (pain, tenderness, swelling, palpable mass)");
        }

        return missing;
    }

    private static string Detail(IndexFinding finding, List<string> missing, PatientPicture picture)
    {
        var detail = CardText.NewDetail();
        CardText.AppendFindingLine(detail, finding);
        if (finding.Sentence is not null)
        {
            detail.Append("> ").AppendLine(CardText.Quote(finding.Sentence));
        }

        if (finding.IsUncertain)
        {
            detail.AppendLine().AppendLine("The report raises the calcification as a possibility only; it is treated as present until radiology says otherwise.");
        }

        if (missing.Count > 0)
        {
            detail.AppendLine().AppendLine("**Not determined from the record:**");
            foreach (var item in missing)
            {
                detail.Append("- ").AppendLine(item);
            }

            detail.AppendLine()
                .AppendLine("Until these are known, sarcoma red flags cannot be ruled out, and the choice between no further evaluation and further imaging cannot be made.");
        }

        var known = KnownFacts(finding, picture).ToList();
        if (known.Count > 0)
        {
            detail.AppendLine().AppendLine(finding.AnyFromText
                ? "**Known so far** (facts read from report text must be verified; coded data always win):"
                : "**Known so far:**");
            foreach (var line in known)
            {
                detail.AppendLine(line);
            }
        }

        if (finding.Origin == FactOrigin.ReportText)
        {
            detail.AppendLine().AppendLine("The finding is known only from the report text: ask radiology to record the descriptors as coded data.");
        }

        detail.AppendLine().AppendLine("Also record symptoms: pain, point tenderness, swelling, palpable mass, and any trauma history (even remote).");
        CardText.AppendSources(detail, Sources.S0EvaluatePattern, Sources.S0Location, Sources.S0ClinicalHistory, Sources.S3Correlation, Sources.S3Pitfall);
        return CardText.Finish(detail);
    }

    private static IEnumerable<string> KnownFacts(IndexFinding finding, PatientPicture picture)
    {
        foreach (var pattern in finding.Patterns)
        {
            yield return CardText.Fact("Pattern", pattern);
        }

        if (finding.SizeCm is not null)
        {
            yield return CardText.Fact("Size", finding.SizeCm);
        }

        if (finding.SizeBasis is not null)
        {
            yield return CardText.Fact("Size measures", finding.SizeBasis);
        }

        if (finding.Depth is not null)
        {
            yield return CardText.Fact("Depth", finding.Depth);
        }

        if (finding.AssociatedMass is not null)
        {
            yield return CardText.Fact("Associated mass", finding.AssociatedMass);
        }

        if (finding.BoneInvolvement is not null)
        {
            yield return CardText.Fact("Bone involvement", finding.BoneInvolvement);
        }

        foreach (var symptom in picture.SymptomFacts)
        {
            yield return CardText.Fact("Symptom recorded", symptom);
        }
    }
}
