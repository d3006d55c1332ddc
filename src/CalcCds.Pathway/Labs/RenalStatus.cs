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
        var dialysisProcedures = DialysisProcedures(picture).ToList();
        var onDialysis = dialysisConditions.Count > 0 || dialysisProcedures.Count > 0;
        evidence.AddRange(dialysisConditions.Select(m => Rules.CardText.Fact("Dialysis", m.Fact)));
        evidence.AddRange(dialysisProcedures.Select(p => $"- Dialysis procedure ({p.Ref()}, {p.PerformedDateTime?.Value ?? p.PerformedPeriod?.Start?.Value ?? "date not recorded"}, {p.Status})"));

        CkdStage? stage = null;
        var inferred = false;
        foreach (var match in CkdConditions(picture, labs))
        {
            var coded = match.Condition.Code?.Coding?.Select(c => CkdStages.FromCode(c.System, c.Code)).DefaultIfEmpty(CkdStage.Unstaged).MaxBy(CkdStages.Rank) ?? CkdStage.Unstaged;
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

        return labs.Final(Analyte.Egfr).FirstOrDefault(r => r.Loinc == LabLoinc.EgfrCkdEpi2021 && r.When.Date == latest.When.Date) ?? latest;
    }

    /// <summary>
    /// CKD Conditions that count as active (§7.5): active ones, and inactive/remission ones unless the last two eGFR
    /// are ≥ 60 ("treat CKD inactive as active unless eGFR ≥ 60 on the last 2 results").
    /// </summary>
    private static IEnumerable<ConditionMatch> CkdConditions(PatientPicture picture, LabHistory labs)
    {
        var lastTwo = labs.Final(Analyte.Egfr).Take(2).ToList();
        var recovered = lastTwo.Count == 2 && lastTwo.All(r => r.Value!.IsBelow(60m) == false);
        return picture.Conditions.History(LabConcepts.Ckd).Concat(picture.Conditions.History(LabConcepts.EndStage))
            .Where(m => m.IsActive || (!recovered && m.Condition.ClinicalStatus?.Coding is [{ Code: "inactive" or "remission" }, ..]))
            .DistinctBy(m => m.Fact.Reference);
    }

    /// <summary>The latest eGFR below 60 and an earlier one below 60 at least <paramref name="days"/> before it, with none ≥ 60 between (§4.3).</summary>
    private static (LabResult Earlier, LabResult Latest)? InferChronicity(LabHistory labs, int days)
    {
        var results = labs.Final(Analyte.Egfr).ToList();
        if (results.Count < 2 || results[0].Value!.IsBelow(60m) != true)
        {
            return null;
        }

        var latest = results[0];
        foreach (var earlier in results.Skip(1))
        {
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

    /// <summary>Dialysis procedures in progress, or completed in the last 30 days ("active dialysis Procedure", §4.3).</summary>
    private static IEnumerable<Procedure> DialysisProcedures(PatientPicture picture) =>
        picture.Prefetch.Resources<Procedure>(PrefetchKeys.Procedures)
            .Where(p => p.Code.HasAny(FhirSystems.Snomed, RenalProcedureCodes.Dialysis))
            .Where(p => p.Status == "in-progress"
                || (p.Status == "completed" && (p.PerformedPeriod?.End ?? p.PerformedPeriod?.Start ?? p.PerformedDateTime) is { } done && done.LowerBound >= picture.Now.AddDays(-30)));

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

        var creatinine = labs.Final(Analyte.Creatinine).Where(r => r.Value!.Comparator == Comparator.None).ToList();
        var recent = picture.Now.AddDays(-options.AkiCreatinineLookbackDays);
        foreach (var later in creatinine.Where(r => r.When >= recent))
        {
            var baseline = creatinine.FirstOrDefault(e => e.When < later.When && later.When - e.When <= TimeSpan.FromHours(options.AkiCreatinineRiseHours)
                && later.Value!.Value - e.Value!.Value >= options.AkiCreatinineRiseMgDl);
            if (baseline is not null)
            {
                evidence.Add($"- Creatinine rise ≥ {options.AkiCreatinineRiseMgDl} mg/dL within {options.AkiCreatinineRiseHours} h: {baseline.Describe()} → {later.Describe()}");
                break;
            }
        }

        return (evidence.Count > 0, evidence);
    }
}
