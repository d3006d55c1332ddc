using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CalcCds.Pathway.Tests.Properties;

/// <summary>Runs a generated chart through the full <see cref="PathwayEvaluator"/> with every rule the service scans
/// (optional rules switched on), the way the HTTP pipeline does after prefetch.</summary>
internal static class PathwayRunner
{
    public static IReadOnlyList<IRule> Rules { get; } = RuleCatalog.CreateAll();

    public static IReadOnlySet<string> RuleIds { get; } = Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    public static CdsResponse Run(ChartSpec chart, LabUnits units = LabUnits.Conventional, IEnumerable<JsonObject>? extra = null, IEnumerable<IRule>? extraRules = null)
    {
        var options = new PathwayOptions();
        foreach (var optional in Rules.Where(r => r.OptionalOffByDefault))
        {
            options.EnabledOptionalRules.Add(optional.Id);
        }

        var resources = ChartRenderer.Render(chart, units).Concat(extra ?? []);
        var invocation = Pictures.Invocation(resources, chart.Hook, options, draftOrders: ChartRenderer.DraftOrders(chart));
        using var meters = new MeterFactory();
        var evaluator = new PathwayEvaluator(
            Rules.Concat(extraRules ?? []), Pictures.Builder(options), Microsoft.Extensions.Options.Options.Create(options), new PathwayMetrics(meters), NullLogger<PathwayEvaluator>.Instance);
        return evaluator.Evaluate(invocation);
    }

    /// <summary>What a clinician would act on: rule, indicator, summary and the suggestions offered.</summary>
    public static IReadOnlyList<string> Decisions(CdsResponse response) => response.Cards
        .Select(c => $"{c.Source.Topic?.Code}|{c.Indicator}|{c.Summary}|{string.Join(",", (c.Suggestions ?? []).Select(s => s.Label))}")
        .Order(StringComparer.Ordinal)
        .ToList();

    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            meters.Add(meter);
            return meter;
        }

        public void Dispose() => meters.ForEach(m => m.Dispose());
    }
}
