using CalcCds.Hooks.Evaluation;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Terminology;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CalcCds.Pathway;

/// <summary>
/// Runs the pathway for one hook call: builds the patient picture once, runs every enabled rule for the hook, orders
/// the cards critical &gt; warning &gt; info, hides repeats a clinician already acted on (Product decision 9), applies the
/// card budget of Product decision 8 (never dropping a protected card), and gives each card its stable uuid, rule topic
/// and trace (lesion key and fingerprint for the evaluation log).
/// </summary>
public sealed class PathwayEvaluator(
    IEnumerable<IRule> rules,
    PatientPictureBuilder pictureBuilder,
    IOptions<PathwayOptions> options,
    PathwayMetrics metrics,
    ILogger<PathwayEvaluator> logger) : IHookEvaluator
{
    public const string SourceLabel = "Soft-tissue calcification CDS (local)";

    private readonly IRule[] rules = rules.ToArray();

    public CdsResponse Evaluate(HookInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var hook = invocation.Service.Hook;
        var settings = options.Value;
        var picture = pictureBuilder.Build(invocation);

        // Every call runs this, so plain loops: the cards in rule order, each with its rule's name for the topic.
        var proposed = new List<Proposal>(8);
        foreach (var rule in rules)
        {
            if (!rule.Hooks.Contains(hook) || !IsEnabled(rule, settings))
            {
                continue;
            }

            foreach (var card in rule.Evaluate(picture))
            {
                var capped = card.FromPreliminaryData ? card with { Indicator = CardIndicator.Info } : card;
                proposed.Add(new Proposal(capped, rule.Name, proposed.Count));
            }
        }

        // Critical > warning > info; rule order within an indicator (the order number makes the sort stable).
        proposed.Sort(static (a, b) => a.Card.Indicator != b.Card.Indicator
            ? ((int)b.Card.Indicator).CompareTo((int)a.Card.Indicator)
            : a.Order.CompareTo(b.Order));

        var hookInstance = invocation.Request.HookInstance;
        // Repeats go before the budget, so a hidden repeat frees its place for a card the clinician has not seen.
        var fresh = new List<Proposal>(proposed.Count);
        foreach (var proposal in proposed)
        {
            if (!IsRepeat(proposal.Card, invocation.ActedOn, hookInstance))
            {
                fresh.Add(proposal);
            }
        }

        var kept = hook == HookDefinitions.PatientView ? ApplyBudget(fresh, settings.CardMax) : fresh;
        if (kept.Count == 0)
        {
            return CdsResponse.Empty;
        }

        var cards = new List<Card>(kept.Count);
        foreach (var proposal in kept)
        {
            cards.Add(ToCard(proposal.Card, proposal.RuleName, hookInstance));
            metrics.CardShown(proposal.Card.RuleId, proposal.Card.Indicator.Code());
        }

        return new CdsResponse { Cards = cards };
    }

    /// <summary>A rule's card with the rule's name and its place in rule order.</summary>
    private readonly record struct Proposal(RuleCard Card, string RuleName, int Order);

    private static bool IsEnabled(IRule rule, PathwayOptions settings) =>
        !ContainsIgnoreCase(settings.DisabledRules, rule.Id)
        && (!rule.OptionalOffByDefault || ContainsIgnoreCase(settings.EnabledOptionalRules, rule.Id));

    private static bool ContainsIgnoreCase(IList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.Equals(ids[i], id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Fingerprint(RuleCard card) =>
        CardFingerprint.Compute(card.RuleId, card.LesionKey, card.Indicator, card.Summary, card.Detail);

    /// <summary>
    /// Product decision 9: the same rule, lesion and inputs as a card a clinician acted on within the window. Critical
    /// and protected cards (R01, R02, a critical R10, O01) always show: a red flag seen once must not go quiet.
    /// </summary>
    private bool IsRepeat(RuleCard card, IReadOnlySet<RepeatKey> actedOn, string hookInstance)
    {
        if (actedOn.Count == 0 || card.Indicator == CardIndicator.Critical || card.Protected
            || !actedOn.Contains(new RepeatKey(card.RuleId, card.LesionKey, Fingerprint(card))))
        {
            return false;
        }

        metrics.CardSuppressed(card.RuleId);
        logger.LogInformation("Repeat suppression hid {RuleId} for hookInstance {HookInstance}", card.RuleId, hookInstance);
        return true;
    }

    private List<Proposal> ApplyBudget(List<Proposal> ordered, int max)
    {
        // Protected cards always stay; the remaining places go to the others in indicator order.
        var protectedCount = 0;
        foreach (var proposal in ordered)
        {
            protectedCount += proposal.Card.Protected ? 1 : 0;
        }

        var room = Math.Max(0, max - protectedCount);
        var kept = new List<Proposal>(Math.Min(ordered.Count, max + protectedCount));
        foreach (var proposal in ordered)
        {
            var card = proposal.Card;
            if (card.Protected)
            {
                kept.Add(proposal);
            }
            else if (room > 0)
            {
                kept.Add(proposal);
                room--;
            }
            else
            {
                // Routine on a full chart (every busy patient hits the budget), so the metric is the signal and
                // the per-call line is Debug: at Information it doubled the log volume of a normal call.
                metrics.CardDropped(card.RuleId);
                logger.LogDebug("Card budget dropped {RuleId} ({Indicator})", card.RuleId, card.Indicator);
            }
        }

        return kept;
    }

    private static Card ToCard(RuleCard proposal, string ruleName, string hookInstance)
    {
        var uuid = StableUuid.Create(hookInstance, proposal.RuleId, proposal.LesionKey);
        var suggestions = new List<Suggestion>(proposal.Suggestions.Count);
        for (var i = 0; i < proposal.Suggestions.Count; i++)
        {
            var suggestion = proposal.Suggestions[i];
            suggestions.Add(suggestion with { Uuid = suggestion.Uuid ?? StableUuid.Create(hookInstance, proposal.RuleId, proposal.LesionKey, "suggestion", i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        }

        return new Card
        {
            Uuid = uuid,
            Summary = proposal.Summary,
            Detail = proposal.Detail,
            Indicator = proposal.Indicator,
            Source = new CardSource
            {
                Label = SourceLabel,
                Topic = new CdsCoding(FhirSystems.CdsRule, proposal.RuleId, ruleName),
            },
            Suggestions = suggestions.Count > 0 ? suggestions : null,
            SelectionBehavior = suggestions.Count > 0 ? proposal.SelectionBehavior : null,
            OverrideReasons = proposal.OverrideReasons.Count > 0 ? proposal.OverrideReasons : null,
            Trace = new CardTrace(proposal.LesionKey, Fingerprint(proposal)),
        };
    }
}
