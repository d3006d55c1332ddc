using CalcCds.Fhir.Model;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Picture;

/// <summary>
/// The clinical-context flags of clinical-pathway.md §4.7 (all but KNOWN_SARCOMA_CARE and PRIOR_*), computed once
/// per picture from its Conditions (§7.5 status rules already applied), Procedures and exam Observations. "History"
/// flags count resolved and inactive entries; refuted and entered-in-error entries never reach here.
/// </summary>
public sealed class ContextFlags
{
    /// <summary>§2.6 and R18: calf pain and swelling count as "acute" within this many days.</summary>
    public const int DvtWindowDays = 14;

    private static readonly HashSet<string> DoneProcedure = new(StringComparer.Ordinal) { "completed" };

    internal ContextFlags(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var conditions = picture.Conditions;

        // Built once per picture on every call: plain loops into the flags' lists, in the order the facts are listed.
        var procedures = new List<Procedure>();
        foreach (var procedure in picture.Prefetch.Resources<Procedure>(PrefetchKeys.Procedures))
        {
            if (procedure.Status is not null && DoneProcedure.Contains(procedure.Status))
            {
                procedures.Add(procedure);
            }
        }

        var exams = picture.Prefetch.Resources<Observation>(PrefetchKeys.Symptoms).ToList();

        var trauma = new List<ContextEvidence>();
        AddEvidence(trauma, conditions.History(ContextConcepts.LowerLimbInjury));
        AddEvidence(trauma, conditions.History(ContextConcepts.Haematoma));
        foreach (var procedure in procedures)
        {
            if (IsAtLowerLimb(procedure))
            {
                trauma.Add(ProcedureEvidence(procedure, "prior procedure at the lower limb"));
            }
        }

        TraumaHistory = ContextFlag.From("TRAUMA_HX", trauma);

        var compartment = new List<ContextEvidence>();
        AddEvidence(compartment, conditions.History(ContextConcepts.CompartmentSyndrome));
        foreach (var procedure in procedures)
        {
            if (IsFasciotomy(procedure))
            {
                compartment.Add(ProcedureEvidence(procedure, "fasciotomy"));
            }
        }

        CompartmentHistory = ContextFlag.From("COMPARTMENT_HX", compartment);
        HeterotopicOssificationRisk = ContextFlag.From("HO_RISK", History(conditions, ContextConcepts.HeterotopicOssificationRisk));
        Autoimmune = ContextFlag.From("AUTOIMMUNE", History(conditions, ContextConcepts.Autoimmune));
        ChronicVenousInsufficiency = ContextFlag.From("CVI", Active(conditions, ContextConcepts.ChronicVenousInsufficiency));

        var venousSigns = new List<ContextEvidence>();
        AddEvidence(venousSigns, conditions.Active(ContextConcepts.VenousDiseaseSigns));
        AddPresentFindings(venousSigns, exams, ContextFindingCodes.VenousSigns, requireLowerLimbSite: false, since: null);
        VenousDiseaseSigns = ContextFlag.From("VENOUS_SIGNS", venousSigns);
        Diabetes = ContextFlag.From("DM", Active(conditions, ContextConcepts.Diabetes));
        PeripheralArterialDisease = ContextFlag.From("PAD", Active(conditions, ContextConcepts.PeripheralArterialDisease));
        ChronicKidneyDiseaseStage3Plus = ContextFlag.From("CKD_G3A_PLUS", Active(conditions, ContextConcepts.ChronicKidneyDiseaseStage3To5));

        var knownDvt = new List<ContextEvidence>();
        foreach (var match in conditions.Active(ContextConcepts.DeepVeinThrombosis))
        {
            if (match.Certainty == Certainty.Known)
            {
                knownDvt.Add(Evidence(match));
            }
        }

        KnownDeepVeinThrombosis = ContextFlag.From("DVT_KNOWN", knownDvt);
        DvtSuspicion = ReadDvtSuspicion(picture, conditions, exams);
    }

    /// <summary><c>TRAUMA_HX</c>: lower-limb injury or haematoma at any time and status, or a prior procedure at the limb.</summary>
    public ContextFlag TraumaHistory { get; }

    /// <summary><c>COMPARTMENT_HX</c>: compartment syndrome at any time, or a prior fasciotomy.</summary>
    public ContextFlag CompartmentHistory { get; }

    /// <summary><c>HO_RISK</c>: TBI, spinal cord injury, paraplegia/quadriplegia, paralytic calcification (any time).</summary>
    public ContextFlag HeterotopicOssificationRisk { get; }

    /// <summary><c>AUTOIMMUNE</c>: dermatomyositis, systemic sclerosis/CREST, SLE (active or inactive), calcinosis cutis.</summary>
    public ContextFlag Autoimmune { get; }

    /// <summary><c>CVI</c>: an active chronic venous insufficiency Condition (known or suspected).</summary>
    public ContextFlag ChronicVenousInsufficiency { get; }

    /// <summary>Recorded signs of venous disease (oedema, varices) R17 accepts when CVI is not diagnosed.</summary>
    public ContextFlag VenousDiseaseSigns { get; }

    /// <summary><c>DM</c>: active diabetes.</summary>
    public ContextFlag Diabetes { get; }

    /// <summary><c>PAD</c>: active peripheral arterial / vascular disease.</summary>
    public ContextFlag PeripheralArterialDisease { get; }

    /// <summary>CKD G3a or worse from active Conditions (R15); eGFR staging is the labs area's.</summary>
    public ContextFlag ChronicKidneyDiseaseStage3Plus { get; }

    /// <summary>An active, confirmed DVT Condition: R18 does not ask for a duplex then.</summary>
    public ContextFlag KnownDeepVeinThrombosis { get; }

    /// <summary>§2.6 last row: a suspected DVT Condition with onset ≤ 14 d, or calf pain and swelling ≤ 14 d on the same side.</summary>
    public ContextFlag DvtSuspicion { get; }

    /// <summary>§7.6 "Trauma history unknown": no injury, haematoma, compartment syndrome or procedure on record.
    /// Absence of a record is not a negative, so R12/R13 text asks instead.</summary>
    public bool TraumaHistoryUnknown => !TraumaHistory.IsSet && !CompartmentHistory.IsSet;


    /// <summary><c>VASC_ART</c>: pattern <c>linear-arterial</c> or location <c>vascular-arterial</c>.</summary>
    public static ContextFlag VascularArterial(IndexFinding finding) =>
        Vascular("VASC_ART", finding, StcCodes.Pattern.LinearArterial, StcCodes.Location.VascularArterial);

    /// <summary><c>VASC_VEN</c>: pattern <c>phlebolith</c> or location <c>vascular-venous</c>.</summary>
    public static ContextFlag VascularVenous(IndexFinding finding) =>
        Vascular("VASC_VEN", finding, StcCodes.Pattern.Phlebolith, StcCodes.Location.VascularVenous);

    private static ContextFlag Vascular(string name, IndexFinding finding, string pattern, string location)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var side = finding.Laterality?.Value;
        var facts = new List<ContextEvidence>();
        foreach (var fact in finding.Patterns)
        {
            if (fact.Value == pattern)
            {
                facts.Add(new ContextEvidence(fact, side));
            }
        }

        foreach (var fact in finding.Locations)
        {
            if (fact.Value == location)
            {
                facts.Add(new ContextEvidence(fact, side));
            }
        }

        return ContextFlag.From(name, facts);
    }

    private static IReadOnlyList<ContextEvidence> History(ConditionIndex conditions, ConceptSet concept) =>
        Evidence(conditions.History(concept));

    private static IReadOnlyList<ContextEvidence> Active(ConditionIndex conditions, ConceptSet concept) =>
        Evidence(conditions.Active(concept));

    /// <summary>The matches as evidence; most concepts match nothing, and those share the empty list.</summary>
    private static IReadOnlyList<ContextEvidence> Evidence(IReadOnlyList<ConditionMatch> matches)
    {
        if (matches.Count == 0)
        {
            return Array.Empty<ContextEvidence>();
        }

        var evidence = new List<ContextEvidence>(matches.Count);
        foreach (var match in matches)
        {
            evidence.Add(Evidence(match));
        }

        return evidence;
    }

    private static void AddEvidence(List<ContextEvidence> evidence, IReadOnlyList<ConditionMatch> matches)
    {
        foreach (var match in matches)
        {
            evidence.Add(Evidence(match));
        }
    }

    private static ContextEvidence Evidence(ConditionMatch match) =>
        new(match.Fact, SideReading.Of(match.Condition.BodySite), match.Certainty);

    private static bool IsAtLowerLimb(Procedure procedure)
    {
        if (procedure.BodySite is not { } sites)
        {
            return false;
        }

        foreach (var site in sites)
        {
            if (site.HasAny(SnomedCodes.System, LowerLimb.Sites))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFasciotomy(Procedure procedure) =>
        procedure.Code.Has(SnomedCodes.System, ContextProcedureCodes.SnomedFasciotomy)
        || procedure.Code.HasAny(FhirSystems.Cpt, ContextProcedureCodes.CptFasciotomy)
        || procedure.Code?.Text?.Contains("fasciotomy", StringComparison.OrdinalIgnoreCase) == true;

    private static ContextEvidence ProcedureEvidence(Procedure procedure, string what)
    {
        var display = procedure.Code?.Text ?? procedure.Code?.Coding?.FirstOrDefault(c => c.Display is not null)?.Display ?? what;
        return new ContextEvidence(
            new Fact<string>(display, FactOrigin.Coded, procedure.Ref(), procedure.Performed?.Value),
            SideReading.Of(procedure.BodySite));
    }

    private static ContextFlag ReadDvtSuspicion(PatientPicture picture, ConditionIndex conditions, List<Observation> exams)
    {
        var since = picture.Now.AddDays(-DvtWindowDays);
        var suspected = new List<ContextEvidence>();
        foreach (var match in conditions.Active(ContextConcepts.DeepVeinThrombosis))
        {
            if (match.Certainty == Certainty.Suspected && (match.Condition.Onset ?? match.Condition.RecordedDate) is { } when && when.LowerBound >= since)
            {
                suspected.Add(Evidence(match));
            }
        }

        if (suspected.Count > 0)
        {
            return ContextFlag.From("DVT_SUSPECT", suspected);
        }

        // (b) acute calf pain and swelling on the same side: the first pain fact paired with the first swelling fact
        // whose side does not contradict it.
        var pain = new List<ContextEvidence>();
        AddPresentFindings(pain, exams, ContextFindingCodes.CalfPain, requireLowerLimbSite: true, since);
        var swelling = new List<ContextEvidence>();
        AddPresentFindings(swelling, exams, ContextFindingCodes.Swelling, requireLowerLimbSite: false, since);
        foreach (var painFact in pain)
        {
            foreach (var swellingFact in swelling)
            {
                if (ContextFlag.SameLimb(painFact.Side, swellingFact.Side))
                {
                    return ContextFlag.From("DVT_SUSPECT", [painFact with { Side = painFact.Side ?? swellingFact.Side }, swellingFact]);
                }
            }
        }

        return ContextFlag.From("DVT_SUSPECT", []);
    }

    /// <summary>Exam/survey Observations of <paramref name="codes"/> recorded as present (valueBoolean true or SNOMED
    /// Present, or no value at all: a recorded finding), final status, within the window. Plain "pain" (22253000)
    /// needs a lower-limb body site when <paramref name="requireLowerLimbSite"/>.</summary>
    private static void AddPresentFindings(
        List<ContextEvidence> evidence, List<Observation> observations, IReadOnlySet<string> codes, bool requireLowerLimbSite, DateTimeOffset? since)
    {
        foreach (var observation in observations)
        {
            var code = observation.Code.FirstCodeIn(SnomedCodes.System, codes);
            var when = observation.When();
            if (code is null || !PatientPictureBuilder.IsUsable(observation.Status, out var preliminary) || preliminary || when is null
                || (since is { } from && when.LowerBound < from))
            {
                continue;
            }

            var absent = observation.ValueBoolean == false || observation.ValueCodeableConcept.Has(SnomedCodes.System, SnomedCodes.Presence.Absent);
            var atLimb = code != SymptomCodes.Pain || observation.BodySite.HasAny(SnomedCodes.System, LowerLimb.Sites);
            if (absent || (requireLowerLimbSite && !atLimb))
            {
                continue;
            }

            var display = observation.Code?.Text ?? SymptomCodes.Display(code);
            evidence.Add(new ContextEvidence(
                new Fact<string>(display, FactOrigin.Coded, observation.Ref(), when.Value),
                SideReading.Of(observation.BodySite)));
        }
    }
}
