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

    private readonly IReadOnlyList<IRule> rules = rules.ToList();

    public CdsResponse Evaluate(HookInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var hook = invocation.Service.Hook;
        var settings = options.Value;
        var picture = pictureBuilder.Build(invocation);
        var active = rules.Where(r => r.Hooks.Contains(hook) && IsEnabled(r, settings)).ToList();
        var names = active.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);

        var proposed = active
            .SelectMany(r => r.Evaluate(picture))
            .Select(card => card.FromPreliminaryData ? card with { Indicator = CardIndicator.Info } : card)
            .Select((card, order) => (card, order))
            .OrderByDescending(x => x.card.Indicator)
            .ThenBy(x => x.order)
            .Select(x => x.card)
            .ToList();

        var hookInstance = invocation.Request.HookInstance;
        // Repeats go before the budget, so a hidden repeat frees its place for a card the clinician has not seen.
        var fresh = proposed.Where(c => !IsRepeat(c, invocation.ActedOn, hookInstance)).ToList();
        var kept = hook == HookDefinitions.PatientView ? ApplyBudget(fresh, settings.CardMax) : fresh;
        var cards = kept.Select(c => ToCard(c, names[c.RuleId], hookInstance)).ToList();
        foreach (var card in kept)
        {
            metrics.CardShown(card.RuleId, card.Indicator.ToString().ToLowerInvariant());
        }

        return cards.Count == 0 ? CdsResponse.Empty : new CdsResponse { Cards = cards };
    }

    private static bool IsEnabled(IRule rule, PathwayOptions settings) =>
        !settings.DisabledRules.Contains(rule.Id, StringComparer.OrdinalIgnoreCase)
        && (!rule.OptionalOffByDefault || settings.EnabledOptionalRules.Contains(rule.Id, StringComparer.OrdinalIgnoreCase));

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

    private List<RuleCard> ApplyBudget(List<RuleCard> ordered, int max)
    {
        // Protected cards always stay; the remaining places go to the others in indicator order.
        var protectedCount = ordered.Count(c => c.Protected);
        var room = Math.Max(0, max - protectedCount);
        var kept = new List<RuleCard>(Math.Min(ordered.Count, max + protectedCount));
        foreach (var card in ordered)
        {
            if (card.Protected)
            {
                kept.Add(card);
            }
            else if (room > 0)
            {
                kept.Add(card);
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
        var suggestions = proposal.Suggestions
            .Select((s, i) => s with { Uuid = s.Uuid ?? StableUuid.Create(hookInstance, proposal.RuleId, proposal.LesionKey, "suggestion", i.ToString(System.Globalization.CultureInfo.InvariantCulture)) })
            .ToList();
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
