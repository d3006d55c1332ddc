using CalcCds.Fhir.Model;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Options;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Labs;

/// <summary>
/// Renal status of clinical-pathway.md §4.3: <c>EGFR_LATEST</c>, <c>CKD_STAGE</c> (from a Condition or inferred from
/// two eGFR &lt; 60 at least 90 days apart), dialysis (G5D) and <c>AKI_ACTIVE</c>. Each conclusion carries the fact
/// lines that support it, for card detail (Product decision 10).
/// </summary>
public sealed record RenalStatus
{
    public LabResult? EgfrLatest { get; init; }

    /// <summary>Null when there is no evidence of CKD.</summary>
    public CkdStage? Stage { get; init; }

    /// <summary>True when the stage comes from eGFR results, not from a Condition.</summary>
    public bool StageInferred { get; init; }

    public bool OnDialysis { get; init; }

    public bool AkiActive { get; init; }

    /// <summary>CKD inference from eGFR is suspended while AKI is active (§4.3).</summary>
    public bool CkdInferenceSuspended => AkiActive;

    /// <summary>Fact lines for CKD stage and dialysis.</summary>
    public IReadOnlyList<string> CkdEvidence { get; init; } = [];

    public IReadOnlyList<string> AkiEvidence { get; init; } = [];

    public bool HasEgfrBelow(decimal threshold) => EgfrLatest?.Value?.IsBelow(threshold) == true;

    public static RenalStatus Assess(PatientPicture picture, LabHistory labs)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(labs);
        var options = picture.Options.Labs;
        var egfr = LatestEgfr(labs);
        var (aki, akiEvidence) = Aki(picture, labs, options);
        var evidence = new List<string>();

        var dialysisConditions = picture.Conditions.Active(LabConcepts.Dialysis);
        var onDialysis = dialysisConditions.Count > 0;
        foreach (var match in dialysisConditions)
        {
            evidence.Add(Rules.CardText.Fact("Dialysis", match.Fact));
        }

        foreach (var procedure in picture.Prefetch.Resources<Procedure>(PrefetchKeys.Procedures))
        {
            if (IsActiveDialysis(procedure, picture.Now))
            {
                onDialysis = true;
                evidence.Add($"- Dialysis procedure ({procedure.Ref()}, {procedure.PerformedDateTime?.Value ?? procedure.PerformedPeriod?.Start?.Value ?? "date not recorded"}, {procedure.Status})");
            }
        }

        CkdStage? stage = null;
        var inferred = false;
        foreach (var match in CkdConditions(picture, labs))
        {
            var coded = CodedStage(match.Condition);
            evidence.Add(Rules.CardText.Fact("Chronic kidney disease", match.Fact));
            if (stage is null || coded.Rank() > stage.Value.Rank())
            {
                stage = coded;
            }
        }

        if (stage == CkdStage.Unstaged && egfr?.Value is { } value && CkdStages.FromEgfr(value) is { } fromEgfr)
        {
            stage = fromEgfr;
            evidence.Add($"- Stage from the latest eGFR: {egfr.Describe()}");
        }

        if (stage is null && !aki && InferChronicity(labs, options.CkdChronicityDays) is { } pair && CkdStages.FromEgfr(pair.Latest.Value!) is { } inferredStage)
        {
            stage = inferredStage;
            inferred = true;
            evidence.Add($"- CKD inferred from two eGFR below 60 at least {options.CkdChronicityDays} days apart: {pair.Earlier.Describe()}; {pair.Latest.Describe()}");
        }

        if (onDialysis)
        {
            stage = CkdStage.G5D;
        }

        return new RenalStatus
        {
            EgfrLatest = egfr,
            Stage = stage,
            StageInferred = inferred,
            OnDialysis = onDialysis,
            AkiActive = aki,
            CkdEvidence = evidence,
            AkiEvidence = akiEvidence,
        };
    }

    /// <summary>The latest final eGFR; on the same day a CKD-EPI 2021 result (98979-8) is preferred (§4.3).</summary>
    private static LabResult? LatestEgfr(LabHistory labs)
    {
        var latest = labs.Latest(Analyte.Egfr);
        if (latest is null || latest.Loinc == LabLoinc.EgfrCkdEpi2021)
        {
            return latest;
        }

        foreach (var result in labs.All(Analyte.Egfr))
        {
            if (result.IsQualifying && result.Loinc == LabLoinc.EgfrCkdEpi2021 && result.When.Date == latest.When.Date)
            {
                return result;
            }
        }

        return latest;
    }

    /// <summary>The highest-ranked stage among the Condition's codings (the first of equal rank); unstaged without any.</summary>
    private static CkdStage CodedStage(Condition condition)
    {
        var codings = condition.Code?.Coding;
        if (codings is null || codings.Count == 0)
        {
            return CkdStage.Unstaged;
        }

        var best = CkdStages.FromCode(codings[0].System, codings[0].Code);
        for (var i = 1; i < codings.Count; i++)
        {
            var stage = CkdStages.FromCode(codings[i].System, codings[i].Code);
            if (stage.Rank() > best.Rank())
            {
                best = stage;
            }
        }

        return best;
    }

    /// <summary>
    /// CKD Conditions that count as active (§7.5): active ones, and inactive/remission ones unless the last two eGFR
    /// are ≥ 60 ("treat CKD inactive as active unless eGFR ≥ 60 on the last 2 results").
    /// </summary>
    private static List<ConditionMatch> CkdConditions(PatientPicture picture, LabHistory labs)
    {
        var recovered = LastTwoEgfrAtLeast60(labs);
        var counted = new List<ConditionMatch>();
        AddCounted(counted, picture.Conditions.History(LabConcepts.Ckd), recovered);
        AddCounted(counted, picture.Conditions.History(LabConcepts.EndStage), recovered);
        return counted;
    }

    /// <summary>Active matches, and inactive/remission ones unless recovered; each Condition (by reference) once, first kept.</summary>
    private static void AddCounted(List<ConditionMatch> counted, IReadOnlyList<ConditionMatch> matches, bool recovered)
    {
        foreach (var match in matches)
        {
            if (!(match.IsActive || (!recovered && match.Condition.ClinicalStatus?.Coding is [{ Code: "inactive" or "remission" }, ..])))
            {
                continue;
            }

            var seen = false;
            for (var i = 0; i < counted.Count && !seen; i++)
            {
                seen = string.Equals(counted[i].Fact.Reference, match.Fact.Reference, StringComparison.Ordinal);
            }

            if (!seen)
            {
                counted.Add(match);
            }
        }
    }

    /// <summary>The two latest final eGFR are both ≥ 60 (false with fewer than two).</summary>
    private static bool LastTwoEgfrAtLeast60(LabHistory labs)
    {
        var count = 0;
        foreach (var result in labs.All(Analyte.Egfr))
        {
            if (!result.IsQualifying)
            {
                continue;
            }

            if (result.Value!.IsBelow(60m) != false)
            {
                return false;
            }

            if (++count == 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The latest eGFR below 60 and an earlier one below 60 at least <paramref name="days"/> before it, with none ≥ 60 between (§4.3).</summary>
    private static (LabResult Earlier, LabResult Latest)? InferChronicity(LabHistory labs, int days)
    {
        LabResult? latest = null;
        foreach (var earlier in labs.All(Analyte.Egfr))
        {
            if (!earlier.IsQualifying)
            {
                continue;
            }

            if (latest is null)
            {
                if (earlier.Value!.IsBelow(60m) != true)
                {
                    return null;
                }

                latest = earlier;
                continue;
            }

            if (earlier.Value!.IsBelow(60m) != true)
            {
                return null;
            }

            if (latest.When - earlier.When >= TimeSpan.FromDays(days))
            {
                return (earlier, latest);
            }
        }

        return null;
    }

    /// <summary>A dialysis procedure in progress, or completed in the last 30 days ("active dialysis Procedure", §4.3).</summary>
    private static bool IsActiveDialysis(Procedure p, DateTimeOffset now) =>
        p.Code.HasAny(FhirSystems.Snomed, RenalProcedureCodes.Dialysis)
        && (p.Status == "in-progress"
            || (p.Status == "completed" && (p.PerformedPeriod?.End ?? p.PerformedPeriod?.Start ?? p.PerformedDateTime) is { } done && done.LowerBound >= now.AddDays(-30)));

    private static (bool Active, List<string> Evidence) Aki(PatientPicture picture, LabHistory labs, LabsOptions options)
    {
        var evidence = new List<string>();
        var since = picture.Now.AddDays(-options.AkiOnsetDays);
        foreach (var match in picture.Conditions.Active(LabConcepts.Aki))
        {
            var onset = match.Condition.Onset ?? match.Condition.RecordedDate;
            if (onset is not null && onset.LowerBound >= since)
            {
                evidence.Add(Rules.CardText.Fact("Acute kidney injury", match.Fact));
            }
        }

        var creatinine = labs.All(Analyte.Creatinine);
        var recent = picture.Now.AddDays(-options.AkiCreatinineLookbackDays);
        var riseWindow = TimeSpan.FromHours(options.AkiCreatinineRiseHours);
        foreach (var later in creatinine)
        {
            if (!IsExactFinal(later) || later.When < recent)
            {
                continue;
            }

            LabResult? baseline = null;
            foreach (var e in creatinine)
            {
                if (IsExactFinal(e) && e.When < later.When && later.When - e.When <= riseWindow
                    && later.Value!.Value - e.Value!.Value >= options.AkiCreatinineRiseMgDl)
                {
                    baseline = e;
                    break;
                }
            }

            if (baseline is not null)
            {
                evidence.Add($"- Creatinine rise ≥ {options.AkiCreatinineRiseMgDl} mg/dL within {options.AkiCreatinineRiseHours} h: {baseline.Describe()} → {later.Describe()}");
                break;
            }
        }

        return (evidence.Count > 0, evidence);
    }

    /// <summary>A final creatinine with a comparable value and no comparator (the AKI rise needs exact values).</summary>
    private static bool IsExactFinal(LabResult result) =>
        result.IsQualifying && result.Value!.Comparator == Comparator.None;
}
