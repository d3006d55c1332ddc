using System.Text;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Labs;

/// <summary>Which clause of §4.4 raised the systemic suspicion.</summary>
public enum SystemicClause
{
    /// <summary>(a) pattern / mechanism of the index finding.</summary>
    Pattern,

    /// <summary>(b) distribution: bilateral, generalized, multifocal.</summary>
    Distribution,

    /// <summary>(c) systemic condition.</summary>
    Condition,

    /// <summary>(d) medication.</summary>
    Medication,

    /// <summary>(e) abnormal lab.</summary>
    Lab,
}

/// <summary>One reason for <c>SYSTEMIC_SUSPECT</c>, as a card fact line.</summary>
public sealed record SystemicReason
{
    private readonly LabFlag? flag;
    private string? text;

    public SystemicReason(SystemicClause clause, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Clause = clause;
        this.text = text;
    }

    /// <summary>(e) an abnormal lab: the text is the flag's <see cref="LabFlag.Line"/>, written only when a card asks.</summary>
    public SystemicReason(LabFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        Clause = SystemicClause.Lab;
        this.flag = flag;
    }

    public SystemicClause Clause { get; }

    public string Text => text ??= flag!.Line;

    public void Deconstruct(out SystemicClause clause, out string text)
    {
        clause = Clause;
        text = Text;
    }

    /// <summary>Equal when clause and text are, as for the former positional record (the flag only defers the text).</summary>
    public bool Equals(SystemicReason? other) =>
        ReferenceEquals(this, other) || (other is not null && Clause == other.Clause && string.Equals(Text, other.Text, StringComparison.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Clause, Text);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Clause = ").Append(Clause).Append(", Text = ").Append(Text);
        return true;
    }
}

/// <summary>A test of the §4.4 panel that has no recent final result, with the last value seen (any status).</summary>
public sealed record MissingLab(string Test, AnalyteInfo Order, LabResult? Last, string Why)
{
    public string Describe() => Last is null
        ? $"- {Test}: no result on record"
        : $"- {Test}: {Why}; last {Last.Describe()}";

    /// <summary>Appends <see cref="Describe"/>'s text to a card detail without making strings of it first.</summary>
    public void AppendDescription(StringBuilder detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        detail.Append("- ").Append(Test).Append(": ");
        if (Last is null)
        {
            detail.Append("no result on record");
            return;
        }

        detail.Append(Why).Append("; last ");
        Last.AppendDescription(detail);
    }
}

/// <summary>
/// <c>SYSTEMIC_SUSPECT</c> (clinical-pathway.md §4.4 a–e) and <c>SYSTEMIC_LABS_COMPLETE</c>, with the reasons and the
/// missing or stale tests (§7.6: "lists each missing test and the last date").
/// </summary>
public sealed record SystemicFacts
{
    public IReadOnlyList<SystemicReason> Reasons { get; init; } = [];

    public bool Suspect => Reasons.Count > 0;

    /// <summary>Tests of the panel with no recent final result; empty when <see cref="LabsComplete"/>.</summary>
    public IReadOnlyList<MissingLab> Missing { get; init; } = [];

    public bool LabsComplete => Missing.Count == 0;

    /// <summary>25-OH D is part of the panel: vitamin D condition or medication, or high Ca with PTH not high (§4.4).</summary>
    public bool VitaminDRequired { get; init; }

    public static SystemicFacts Assess(PatientPicture picture, LabFacts labs, RenalStatus renal, IReadOnlyList<MineralMedication> medications)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(labs);
        ArgumentNullException.ThrowIfNull(renal);
        ArgumentNullException.ThrowIfNull(medications);
        // Every call with labs runs this: plain loops, the reasons in clause order.
        var reasons = new List<SystemicReason>();
        reasons.AddRange(IndexFindingSignals.SystemicSigns(picture.IndexFindings));
        AddConditionReasons(reasons, picture, renal);
        foreach (var m in medications)
        {
            if (MineralMedications.IsActive(m)
                && (m.Kind is MineralDrugKind.ActiveVitaminD or MineralDrugKind.CalciumSalt || (m.Kind == MineralDrugKind.NutritionalVitaminD && m.HighDose)))
            {
                reasons.Add(new SystemicReason(SystemicClause.Medication, m.Describe()));
            }
        }

        foreach (var flag in labs.AbnormalFlags)
        {
            if (flag.Name != "PTH_VERY_HIGH")
            {
                reasons.Add(new SystemicReason(flag));
            }
        }

        if (renal.HasEgfrBelow(60m))
        {
            reasons.Add(new SystemicReason(SystemicClause.Lab, $"- eGFR below 60: {renal.EgfrLatest!.Describe()}"));
        }

        var vitaminDCondition = picture.Conditions.Active(LabConcepts.HypervitaminosisD).Count > 0;
        var vitaminDDrug = medications.Any(m => MineralMedications.IsActive(m) && m.Kind is MineralDrugKind.ActiveVitaminD or MineralDrugKind.NutritionalVitaminD);
        var highCaPthNotHigh = labs.Calcium?.High == true && labs.Pth?.IsHigh == false;
        var vitaminDRequired = vitaminDCondition || vitaminDDrug || highCaPthNotHigh;
        return new SystemicFacts
        {
            Reasons = reasons,
            Missing = MissingPanel(labs, vitaminDRequired).ToList(),
            VitaminDRequired = vitaminDRequired,
        };
    }

    /// <summary>(c): active or recently resolved (≤ 1 y) systemic conditions, CKD G3a–G5D (coded or inferred).</summary>
    private static void AddConditionReasons(List<SystemicReason> reasons, PatientPicture picture, RenalStatus renal)
    {
        if (renal.Stage is { } stage && (stage.IsG3OrWorse() || (stage == CkdStage.Unstaged && renal.EgfrLatest is null)))
        {
            var label = stage == CkdStage.Unstaged ? "chronic kidney disease, stage not recorded and no eGFR on record" : $"chronic kidney disease {stage}";
            reasons.Add(new SystemicReason(SystemicClause.Condition, $"- {label}{(renal.StageInferred ? " (inferred from eGFR)" : string.Empty)}"));
            foreach (var line in renal.CkdEvidence)
            {
                reasons.Add(new SystemicReason(SystemicClause.Condition, "  " + line));
            }
        }

        var since = picture.Now.AddDays(-picture.Options.Labs.RecentlyResolvedDays);
        foreach (var concept in LabConcepts.Systemic)
        {
            foreach (var match in picture.Conditions.History(concept))
            {
                if (!match.IsActive && !ResolvedSince(match, since))
                {
                    continue;
                }

                var label = match.Certainty == Certainty.Suspected ? $"{concept.Name} (suspected)" : concept.Name;
                var status = match.IsActive ? string.Empty : " (resolved within the last year)";
                reasons.Add(new SystemicReason(SystemicClause.Condition, Rules.CardText.Fact(label + status, match.Fact)));
            }
        }
    }

    /// <summary>Resolved/inactive with an abatement (or, lacking one, a recorded date) inside the window.</summary>
    private static bool ResolvedSince(ConditionMatch match, DateTimeOffset since)
    {
        var condition = match.Condition;
        var when = condition.AbatementDateTime ?? condition.AbatementPeriod?.End ?? condition.AbatementPeriod?.Start ?? condition.RecordedDate;
        return when is not null && when.LowerBound >= since;
    }

    /// <summary>The §4.4 panel: Ca (total + albumin, or ionized), phosphate, intact PTH, creatinine/eGFR, ESR or CRP, ± 25-OH D.</summary>
    private static IEnumerable<MissingLab> MissingPanel(LabFacts labs, bool vitaminDRequired)
    {
        var history = labs.History;
        var recency = labs.Recency;
        var ionizedRecent = history.Latest(Analyte.CalciumIonized) is { } ion && recency.IsRecent(ion);
        var totalRecent = labs.TotalCalcium is { Recent: true, Measure: CalciumMeasure.LabCorrected or CalciumMeasure.ComputedCorrected };
        if (!ionizedRecent && !totalRecent)
        {
            var total = history.Latest(Analyte.CalciumTotal);
            if (total is null || !recency.IsRecent(total))
            {
                yield return MissingTest("Calcium", Analyte.CalciumTotal, history, recency);
            }

            yield return MissingTest("Albumin (drawn with the calcium)", Analyte.Albumin, history, recency);
            if (labs.IonizedPreferred)
            {
                yield return MissingTest("Ionized calcium (preferred: CKD G4–G5D or albumin < 3.0 g/dL)", Analyte.CalciumIonized, history, recency);
            }
        }

        foreach (var (test, analyte) in new[] { ("Phosphate", Analyte.Phosphate), ("Intact PTH", Analyte.Pth) })
        {
            if (history.Latest(analyte) is not { } result || !recency.IsRecent(result))
            {
                yield return MissingTest(test, analyte, history, recency);
            }
        }

        if (!IsRecent(history, recency, Analyte.Creatinine) && !IsRecent(history, recency, Analyte.Egfr))
        {
            yield return MissingTest("Creatinine (eGFR is reported with it)", Analyte.Creatinine, history, recency);
        }

        if (!IsRecent(history, recency, Analyte.Esr) && !IsRecent(history, recency, Analyte.Crp))
        {
            yield return MissingTest("ESR (or CRP)", Analyte.Esr, history, recency);
            yield return MissingTest("CRP (or ESR)", Analyte.Crp, history, recency);
        }

        if (vitaminDRequired && !IsRecent(history, recency, Analyte.VitaminD25))
        {
            yield return MissingTest("25-OH vitamin D", Analyte.VitaminD25, history, recency);
        }
    }

    private static bool IsRecent(LabHistory history, Recency recency, Analyte analyte) =>
        history.Latest(analyte) is { } result && recency.IsRecent(result);

    private static MissingLab MissingTest(string test, Analyte analyte, LabHistory history, Recency recency)
    {
        var last = history.LatestAny(analyte);
        var why = last switch
        {
            null => "no result",
            { IsPreliminary: true } => "preliminary only",
            { HasValue: false } => "value not usable (unit or format)",
            _ => "stale: " + recency.StaleReason(last),
        };
        return new MissingLab(test, AnalyteInfo.Of(analyte), last, why);
    }
}

/// <summary>
/// The index-finding clauses of §4.4: (a) pattern or mechanism, (b) distribution. Every descriptor of
/// <see cref="IndexFinding"/> that bears on systemic suspicion is read here and nowhere else, so a new descriptor
/// (distribution, mechanism) is one more check in <see cref="SystemicSigns"/>.
/// </summary>
public static class IndexFindingSignals
{
    /// <summary>(a) patterns typical of metastatic calcification (§4.4; also R11).</summary>
    public static readonly IReadOnlySet<string> SystemicPatterns = new HashSet<string>(StringComparer.Ordinal)
    {
        StcCodes.Pattern.FineSpeckledDiffuse,
        StcCodes.Pattern.GlobularPeriarticular,
    };

    public static IEnumerable<SystemicReason> SystemicSigns(IReadOnlyList<IndexFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var finding in findings)
        {
            foreach (var pattern in SystemicPatternFacts(finding))
            {
                yield return new SystemicReason(SystemicClause.Pattern, Rules.CardText.Fact("Pattern suggesting metastatic calcification", pattern));
            }
        }

        // (b) bilateral: one finding coded bilateral, or findings on both sides (§1.4: "bilateral disease raises systemic suspicion").
        var sides = findings.Where(f => f.Laterality is not null).ToList();
        if (sides.Any(f => f.Laterality!.Value == Laterality.Bilateral)
            || (sides.Any(f => f.Laterality!.Value == Laterality.Left) && sides.Any(f => f.Laterality!.Value == Laterality.Right)))
        {
            yield return new SystemicReason(SystemicClause.Distribution, "- Bilateral calcification: " + string.Join("; ", sides.Select(f => Rules.CardText.DescribeFinding(f))));
        }
    }

    /// <summary>The finding's patterns that point to a systemic cause (used by R11 too).</summary>
    public static IEnumerable<Fact<string>> SystemicPatternFacts(IndexFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Patterns.Where(p => SystemicPatterns.Contains(p.Value));
    }
}
