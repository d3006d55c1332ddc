using CalcCds.Fhir.Model;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Options;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Labs;

/// <summary>The row of the §7.2 recency table that applies to the patient.</summary>
public enum RecencyContext
{
    NoCkd,
    CkdG3,
    CkdG4,
    CkdG5,
    Acute,
}

/// <summary>An event after which older mineral/renal labs are stale whatever their age (§7.2).</summary>
public sealed record InterveningEvent(DateTimeOffset When, string Description);

/// <summary>
/// "Recent lab" windows (clinical-pathway.md §7.2): the window per analyte for the patient's context, and the
/// intervening events (parathyroidectomy, dialysis start, kidney transplant, start of vitamin D analogues or
/// calcimimetics, new AKI) that make older results stale regardless of age. Age is measured from collection time.
/// </summary>
public sealed record Recency(RecencyContext Context, IReadOnlyList<InterveningEvent> Events, RecencyWindowOptions Windows, DateTimeOffset Now)
{
    public static Recency Assess(PatientPicture picture, RenalStatus renal, IReadOnlyList<MineralMedication> medications)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(renal);
        ArgumentNullException.ThrowIfNull(medications);
        var context = renal.AkiActive || InAcuteInpatientStay(picture) ? RecencyContext.Acute
            : renal.Stage switch
            {
                CkdStage.G5 or CkdStage.G5D => RecencyContext.CkdG5,
                CkdStage.G4 => RecencyContext.CkdG4,
                CkdStage.G3 or CkdStage.G3a or CkdStage.G3b => RecencyContext.CkdG3,
                _ => RecencyContext.NoCkd,
            };
        var events = CollectEvents(picture, medications);
        return new Recency(context, events.Count > 1 ? events.OrderByDescending(e => e.When).ToList() : events, picture.Options.Labs.Recency, picture.Now);
    }

    /// <summary>The window for the analyte in this context (§7.2; the shorter end of each KDIGO range).</summary>
    public TimeSpan Window(Analyte analyte) => (analyte, Context) switch
    {
        (Analyte.VitaminD25, _) => TimeSpan.FromDays(Windows.VitaminDDays),
        (Analyte.Esr or Analyte.Crp, RecencyContext.Acute) => TimeSpan.FromDays(Windows.AcuteInflammatoryDays),
        (Analyte.Esr or Analyte.Crp, _) => TimeSpan.FromDays(Windows.InflammatoryDays),
        (Analyte.Pth, RecencyContext.Acute) => TimeSpan.FromDays(Windows.AcutePthDays),
        (Analyte.Pth, RecencyContext.CkdG5) => TimeSpan.FromDays(Windows.Ckd5PthDays),
        (Analyte.Pth, RecencyContext.CkdG4) => TimeSpan.FromDays(Windows.Ckd4PthDays),
        (Analyte.Pth, RecencyContext.CkdG3) => TimeSpan.FromDays(Windows.Ckd3PthDays),
        (Analyte.Pth, _) => TimeSpan.FromDays(Windows.PthDays),
        (_, RecencyContext.Acute) => TimeSpan.FromHours(Windows.AcuteMineralHours),
        (_, RecencyContext.CkdG5) => TimeSpan.FromDays(Windows.Ckd5MineralDays),
        (_, RecencyContext.CkdG4) => TimeSpan.FromDays(Windows.Ckd4MineralDays),
        (_, RecencyContext.CkdG3) => TimeSpan.FromDays(Windows.Ckd3MineralDays),
        _ => TimeSpan.FromDays(Windows.MineralDays),
    };

    /// <summary>Why a result is not recent, or null when it is: too old for the window, or drawn before an intervening event.</summary>
    public string? StaleReason(LabResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var window = Window(result.Analyte);
        if (result.When < Now - window)
        {
            return $"older than {Describe(window)}";
        }

        if (result.Analyte is not (Analyte.Esr or Analyte.Crp) && FirstEventAfter(result.When) is { } after)
        {
            return $"drawn before {after.Description}";
        }

        return null;
    }

    /// <summary>
    /// The same test as <see cref="StaleReason"/> returning null, without writing the reason: the facets ask this for
    /// many results on every call, and only a card's text needs the reason.
    /// </summary>
    public bool IsRecent(LabResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.When >= Now - Window(result.Analyte)
            && (result.Analyte is Analyte.Esr or Analyte.Crp || FirstEventAfter(result.When) is null);
    }

    /// <summary>The first (latest) intervening event after the time, or null; a plain scan, no closure.</summary>
    private InterveningEvent? FirstEventAfter(DateTimeOffset when)
    {
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i].When > when)
            {
                return Events[i];
            }
        }

        return null;
    }

    public static string Describe(TimeSpan window) =>
        window.TotalDays < 4 ? $"{window.TotalHours:0} h" : $"{window.TotalDays:0} days";

    private static bool InAcuteInpatientStay(PatientPicture picture) =>
        picture.Prefetch.Resources<Encounter>(PrefetchKeys.Encounters)
            .Any(e => e.Status == "in-progress" && e.Class?.Code is "IMP" or "ACUTE");

    /// <summary>The intervening events in the order found; <see cref="Assess"/> sorts them, latest first.</summary>
    private static List<InterveningEvent> CollectEvents(PatientPicture picture, IReadOnlyList<MineralMedication> medications)
    {
        var events = new List<InterveningEvent>();

        // Dialysis start: the earliest dialysis procedure, or the onset of dialysis dependence (the first listed among
        // equal times, procedures before Conditions).
        FhirDateTime? dialysisStart = null;
        Resource? dialysisSource = null;
        foreach (var procedure in picture.Prefetch.Resources<Procedure>(PrefetchKeys.Procedures))
        {
            if (procedure.Status is not ("completed" or "in-progress"))
            {
                continue;
            }

            var when = procedure.PerformedPeriod?.Start ?? procedure.PerformedDateTime;
            if (procedure.Code.Has(FhirSystems.Snomed, RenalProcedureCodes.Parathyroidectomy) && when is not null)
            {
                events.Add(new InterveningEvent(when.LowerBound, $"parathyroidectomy ({procedure.Ref()}, {when.Value})"));
            }
            else if (procedure.Code.Has(FhirSystems.Snomed, RenalProcedureCodes.KidneyTransplant) && when is not null)
            {
                events.Add(new InterveningEvent(when.LowerBound, $"kidney transplant ({procedure.Ref()}, {when.Value})"));
            }

            if (when is not null && procedure.Code.HasAny(FhirSystems.Snomed, RenalProcedureCodes.Dialysis)
                && (dialysisStart is null || when.LowerBound < dialysisStart.LowerBound))
            {
                dialysisStart = when;
                dialysisSource = procedure;
            }
        }

        string? dialysisReference = null;
        foreach (var match in picture.Conditions.Active(LabConcepts.Dialysis))
        {
            if (match.Condition.Onset is { } onset && (dialysisStart is null || onset.LowerBound < dialysisStart.LowerBound))
            {
                dialysisStart = onset;
                dialysisReference = match.Fact.Reference;
            }
        }

        if (dialysisStart is not null)
        {
            var reference = dialysisReference ?? dialysisSource!.Ref();
            events.Add(new InterveningEvent(dialysisStart.LowerBound, $"dialysis start ({reference}, {dialysisStart.Value})"));
        }

        foreach (var medication in medications)
        {
            if (medication.Kind is MineralDrugKind.ActiveVitaminD or MineralDrugKind.Calcimimetic && medication.Request.AuthoredOn is { } authored)
            {
                var verb = medication.Request.Status is "stopped" or "completed" ? "change of" : "start of";
                events.Add(new InterveningEvent(authored.LowerBound, $"{verb} {medication.Ingredient} ({medication.Request.Ref()}, {authored.Value})"));
            }
        }

        foreach (var aki in picture.Conditions.Active(LabConcepts.Aki))
        {
            if ((aki.Condition.Onset ?? aki.Condition.RecordedDate) is { } onset && onset.LowerBound >= picture.Now.AddDays(-picture.Options.Labs.AkiOnsetDays))
            {
                events.Add(new InterveningEvent(onset.LowerBound, $"new acute kidney injury ({aki.Fact.Reference}, {onset.Value})"));
            }
        }

        return events;
    }
}
