using CalcCds.Fhir.Model;
using CalcCds.Hooks.Evaluation;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Narrative;
using CalcCds.Pathway.Terminology;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CalcCds.Pathway.Picture;

/// <summary>
/// Builds the <see cref="PatientPicture"/> from prefetch data: finds the index finding(s) of §1.4 — coded STC-Finding
/// Observations first, then the narrative fallback over radiology report text — applying the status filters of §7.4
/// and the look-back window of §8.
/// </summary>
public sealed class PatientPictureBuilder(TimeProvider clock, IOptions<PathwayOptions> options, ILogger<PatientPictureBuilder> logger)
{
    private static readonly HashSet<string> UsableReport = new(StringComparer.Ordinal) { "final", "amended", "corrected", "appended" };
    private static readonly HashSet<string> PreliminaryReport = new(StringComparer.Ordinal) { "partial", "preliminary" };

    public PatientPicture Build(HookInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var prefetch = invocation.Prefetch;
        Patient? patient = null;
        foreach (var first in prefetch.Resources<Patient>(PrefetchKeys.Patient))
        {
            patient = first;
            break;
        }

        var since = now.AddDays(-settings.IndexLookbackDays);

        // Every call runs this, so plain loops rather than LINQ chains of iterators and closures.
        var coded = new List<IndexFinding>();
        var codedReferences = new HashSet<string>(StringComparer.Ordinal);
        var codedSides = new HashSet<Laterality?>();
        foreach (var observation in prefetch.Resources<Observation>(PrefetchKeys.ImagingObservations))
        {
            if (CodedFinding.Read(observation, since) is { } finding)
            {
                coded.Add(finding);
                codedReferences.Add(finding.Reference);
                codedSides.Add(finding.Laterality?.Value);
            }
        }

        var narrative = new List<IndexFinding>();
        foreach (var report in prefetch.Resources<DiagnosticReport>(PrefetchKeys.RadiologyReports))
        {
            if (!HasCodedResult(report, codedReferences) && ReadNarrative(report, since, settings.MaxReportTextChars) is { } finding)
            {
                narrative.Add(finding);
            }
        }

        // Coded findings win over text for the same side (Product decision 7); then the most recent per side (§1.4).
        var candidates = new List<IndexFinding>(coded.Count + narrative.Count);
        foreach (var finding in coded)
        {
            InsertNewestFirst(candidates, finding);
        }

        foreach (var finding in narrative)
        {
            if (!codedSides.Contains(finding.Laterality?.Value))
            {
                InsertNewestFirst(candidates, finding);
            }
        }

        var findings = new List<IndexFinding>(candidates.Count);
        var sides = new List<Laterality?>(findings.Capacity);
        foreach (var finding in candidates)
        {
            if (!sides.Contains(finding.Laterality?.Value))
            {
                sides.Add(finding.Laterality?.Value);
                findings.Add(finding);
            }
        }

        var (symptoms, symptomFacts) = Symptoms.Read(findings, prefetch.Resources<Observation>(PrefetchKeys.Symptoms), now.AddDays(-settings.SymptomWindowDays));
        logger.LogDebug("Patient picture: {Coded} coded and {Narrative} narrative index finding(s), symptoms {Symptoms}", coded.Count, narrative.Count, symptoms);
        return new PatientPicture
        {
            PatientId = invocation.Request.Context.PatientId ?? patient?.Id ?? "unknown",
            Patient = patient,
            Now = now,
            AgeYears = Age(patient, now),
            IndexFindings = findings,
            Symptoms = symptoms,
            SymptomFacts = symptomFacts,
            Prefetch = prefetch,
            Options = settings,
            Conditions = new ConditionIndex(prefetch.Resources<Condition>(PrefetchKeys.Conditions), now),
            Hook = invocation.Service.Hook,
            DraftOrders = invocation.Request.Context.DraftOrders?.Entry is { } orders ? DraftOrders(orders) : [],
            Selections = invocation.Request.Context.Selections ?? [],
            UserId = invocation.Request.Context.UserId,
        };
    }

    /// <summary>The R00b narrative fallback for one report: status (§7.4), look-back, lower-limb exam, and the finding
    /// in its text. Preliminary/partial reports give a finding marked preliminary.</summary>
    internal static IndexFinding? ReadNarrative(DiagnosticReport report, DateTimeOffset since, int maxChars)
    {
        var status = report.Status ?? string.Empty;
        var preliminary = PreliminaryReport.Contains(status);
        if (!UsableReport.Contains(status) && !preliminary)
        {
            return null;
        }

        var when = report.When();
        if (when is null || when.LowerBound < since)
        {
            return null;
        }

        var reading = ReportTextReader.Read(report.ReportText(maxChars));
        if (reading.Finding is not (FindingStatus.Present or FindingStatus.Uncertain))
        {
            return null;
        }

        var isLowerLimbExam = report.Code.HasAny(FhirSystems.Loinc, Loinc.LowerLimbRadiographs)
            || report.Code.HasAny(FhirSystems.Cpt, Cpt.LowerLimbRadiographs)
            || reading.BodySiteCode is { } site && LowerLimb.Sites.Contains(site);
        if (!isLowerLimbExam)
        {
            return null;
        }

        var reference = report.Ref();
        var date = when.Value;
        return NarrativeFinding.From(reading, reference, date, when.LowerBound, preliminary);
    }

    /// <summary>A report whose results include a coded finding already read: the coded finding stands for it.</summary>
    private static bool HasCodedResult(DiagnosticReport report, HashSet<string> codedReferences)
    {
        if (report.Result is not { } results || codedReferences.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Reference is { } reference && codedReferences.Contains(reference))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Inserts the finding newest first (no time counts as the oldest); among equal times, after those already there,
    /// so the order is that of a stable sort by time, descending.
    /// </summary>
    private static void InsertNewestFirst(List<IndexFinding> findings, IndexFinding finding)
    {
        var when = finding.When ?? DateTimeOffset.MinValue;
        var at = findings.Count;
        while (at > 0 && (findings[at - 1].When ?? DateTimeOffset.MinValue) < when)
        {
            at--;
        }

        findings.Insert(at, finding);
    }

    private static List<ServiceRequest> DraftOrders(IReadOnlyList<BundleEntry> entries)
    {
        var requests = new List<ServiceRequest>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Resource is ServiceRequest request)
            {
                requests.Add(request);
            }
        }

        return requests;
    }

    private static int? Age(Patient? patient, DateTimeOffset now)
    {
        if (patient?.BirthDate is not { } birth)
        {
            return null;
        }

        var born = birth.LowerBound;
        var age = now.Year - born.Year;
        return now < born.AddYears(age) ? age - 1 : age;
    }

    /// <summary>An Observation status the pathway reads (§7.4): final, amended or corrected, or preliminary (then marked).
    /// Asked for every lab, symptom and finding Observation: constant patterns, no set lookup.</summary>
    internal static bool IsUsable(string? status, out bool preliminary)
    {
        preliminary = status == "preliminary";
        return preliminary || status is "final" or "amended" or "corrected";
    }
}

/// <summary>The prefetch keys the pathway's services declare (clinical-pathway.md §1.5).</summary>
public static class PrefetchKeys
{
    public const string Patient = "patient";
    public const string Conditions = "conditions";
    public const string Labs = "labs";
    public const string ImagingObservations = "imagingObs";
    public const string Symptoms = "symptoms";
    public const string RadiologyReports = "radReports";
    public const string ImagingStudies = "imagingStudies";
    public const string ServiceRequests = "serviceRequests";
    public const string Procedures = "procedures";
    public const string MedicationRequests = "medRequests";
    public const string Encounters = "encounters";
}
