using CalcCds.Fhir.Model;
using CalcCds.Pathway.Picture;

namespace CalcCds.Pathway.Clinical;

/// <summary>How sure the record is that a condition exists (clinical-pathway.md §7.5).</summary>
public enum Certainty
{
    /// <summary>confirmed, or no verificationStatus with a clinicalStatus present.</summary>
    Known,

    /// <summary>provisional, differential or unconfirmed: counts toward suspicion, never as "known".</summary>
    Suspected,
}

/// <summary>A Condition that matched a concept, with its provenance for card text.</summary>
public sealed record ConditionMatch(Condition Condition, Certainty Certainty, bool IsActive, Fact<string> Fact);

/// <summary>
/// The patient's Conditions with the status rules of §7.5 applied once: entered-in-error and refuted entries are
/// gone (a refuted entry also cancels an older confirmed one of the same code), and each remaining Condition knows
/// whether it counts for "active" rules and for "history" rules.
/// </summary>
public sealed class ConditionIndex
{
    private static readonly HashSet<string> ActiveStatuses = new(StringComparer.Ordinal) { "active", "recurrence", "relapse" };
    private static readonly HashSet<string> SuspectedStatuses = new(StringComparer.Ordinal) { "provisional", "differential", "unconfirmed" };

    private readonly List<Entry> entries;

    /// <summary>
    /// Answers already given, at <see cref="Slot"/> of the concept and activeOnly (null: not asked yet). Grown on the
    /// first question: an index of a patient without Conditions never asks.
    /// </summary>
    private IReadOnlyList<ConditionMatch>?[] found = [];

    public ConditionIndex(IEnumerable<Condition> conditions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var all = conditions.ToList();
        List<Condition>? refuted = null;
        foreach (var condition in all)
        {
            if (Verification(condition) == "refuted")
            {
                (refuted ??= []).Add(condition);
            }
        }

        entries = new List<Entry>(all.Count);
        foreach (var condition in all)
        {
            var verification = Verification(condition);
            if (verification is "refuted" or "entered-in-error" || (refuted is not null && IsCancelledByRefutation(condition, refuted)))
            {
                continue;
            }

            var certainty = verification is not null && SuspectedStatuses.Contains(verification) ? Certainty.Suspected : Certainty.Known;
            entries.Add(new Entry(condition, certainty, IsActive(condition, now), ConceptCodes.Of(condition.Code)));
        }
    }

    public static ConditionIndex Empty { get; } = new([], DateTimeOffset.UnixEpoch);

    /// <summary>Conditions of the concept that count for "active" rules (systemic disease, CKD, DM, PAD, DVT...).</summary>
    public IReadOnlyList<ConditionMatch> Active(ConceptSet concept) => Find(concept, activeOnly: true);

    /// <summary>Conditions of the concept at any clinical status, resolved included ("history of" rules: trauma...).</summary>
    public IReadOnlyList<ConditionMatch> History(ConceptSet concept) => Find(concept, activeOnly: false);

    private IReadOnlyList<ConditionMatch> Find(ConceptSet concept, bool activeOnly)
    {
        ArgumentNullException.ThrowIfNull(concept);
        if (entries.Count == 0)
        {
            return [];
        }

        // The context flags, the labs area and several rules ask for the same concepts on one picture: each answer is
        // computed once. Like the picture that holds it, an index serves one request on one thread at a time.
        var slot = Slot(concept, activeOnly);
        if (slot < found.Length && found[slot] is { } cached)
        {
            return cached;
        }

        // Most concepts match none of a patient's Conditions: those share the empty answer.
        List<ConditionMatch>? matches = null;
        foreach (var entry in entries)
        {
            if ((!activeOnly || entry.IsActive) && entry.Codes.MatchedBy(concept))
            {
                (matches ??= []).Add(new ConditionMatch(entry.Condition, entry.Certainty, entry.IsActive, entry.FactFor(concept)));
            }
        }

        if (slot >= found.Length)
        {
            Array.Resize(ref found, Math.Max(slot + 1, ConceptSet.Count * 2));
        }

        IReadOnlyList<ConditionMatch> answer = matches is null ? Array.Empty<ConditionMatch>() : matches;
        found[slot] = answer;
        return answer;
    }

    /// <summary>Two places per concept: its "history" answer, then its "active" one.</summary>
    private static int Slot(ConceptSet concept, bool activeOnly) => (concept.Ordinal * 2) + (activeOnly ? 1 : 0);

    private static string? Verification(Condition condition) => FirstCode(condition.VerificationStatus);

    private static string? Clinical(Condition condition) => FirstCode(condition.ClinicalStatus);

    private static string? FirstCode(CodeableConcept? concept) => concept?.Coding is [var first, ..] ? first.Code : null;

    /// <summary>§7.5: a clinicalStatus of active/recurrence/relapse, or none at all with onset/recorded within a year.
    /// inactive/remission/resolved (or an abatement) are not active.</summary>
    private static bool IsActive(Condition condition, DateTimeOffset now)
    {
        var clinical = Clinical(condition);
        if (clinical is not null)
        {
            return ActiveStatuses.Contains(clinical);
        }

        if (condition.AbatementDateTime is not null || condition.AbatementPeriod is not null || condition.AbatementString is not null
            || condition.AbatementAge is not null || condition.AbatementRange is not null)
        {
            return false;
        }

        var when = condition.Onset ?? condition.RecordedDate;
        return when is not null && when.LowerBound >= now.AddYears(-1);
    }

    private static bool IsCancelledByRefutation(Condition condition, List<Condition> refuted)
    {
        if (refuted.Count == 0 || condition.RecordedDate is not { } recorded)
        {
            return false;
        }

        var codes = condition.Code?.Coding?.Where(c => c.Code is not null).Select(c => (c.System, c.Code)).ToHashSet() ?? [];
        return refuted.Any(r => r.RecordedDate is { } refutedAt && refutedAt.LowerBound > recorded.LowerBound
            && (r.Code?.Coding?.Any(c => codes.Contains((c.System, c.Code))) ?? false));
    }

    private sealed record Entry(Condition Condition, Certainty Certainty, bool IsActive, ConceptCodes Codes)
    {
        private Fact<string>? fact;

        /// <summary>
        /// The Condition as a card fact: its own text or display, else the concept's name. A Condition matches several
        /// concepts per request; unless its name comes from the concept, they share one fact (and one reference text).
        /// </summary>
        public Fact<string> FactFor(ConceptSet concept)
        {
            if (fact is not null)
            {
                return fact;
            }

            var display = Condition.Code?.Text ?? Condition.Code?.Coding?.FirstOrDefault(c => c.Display is not null)?.Display;
            var date = (Condition.Onset ?? Condition.RecordedDate)?.Value;
            var made = new Fact<string>(display ?? concept.Name, FactOrigin.Coded, $"Condition/{Condition.Id ?? "(no id)"}", date);
            if (display is not null)
            {
                fact = made;
            }

            return made;
        }
    }
}
