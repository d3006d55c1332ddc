using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static CalcCds.Pathway.Tests.Support.Resources;

namespace CalcCds.Pathway.Tests.Rules;

/// <summary>Ordering, the card budget of Product decision 8, preliminary capping, switches and card identity.</summary>
public sealed class PathwayEvaluatorTests : IDisposable
{
    private readonly TestMeterFactory meters = new();

    public void Dispose() => meters.Dispose();

    private sealed class FixedRule(string id, CardIndicator indicator, bool isProtected = false, bool preliminary = false, bool optional = false) : IRule
    {
        public string Id => id;

        public string Name => "Rule " + id;

        public IReadOnlySet<string> Hooks { get; } = new HashSet<string> { HookDefinitions.PatientView };

        public bool OptionalOffByDefault => optional;

        public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
        {
            yield return new RuleCard { RuleId = id, Indicator = indicator, Summary = id, Detail = id, Protected = isProtected, FromPreliminaryData = preliminary };
        }
    }

    private CdsResponse Run(PathwayOptions? options, params IRule[] rules)
    {
        options ??= new PathwayOptions();
        var evaluator = new PathwayEvaluator(rules, Pictures.Builder(options), Microsoft.Extensions.Options.Options.Create(options), new PathwayMetrics(meters), NullLogger<PathwayEvaluator>.Instance);
        return evaluator.Evaluate(Pictures.Invocation([Finding()], options: options));
    }

    private static string[] Ids(CdsResponse response) => response.Cards.Select(c => c.Source.Topic!.Code).ToArray();

    [Fact]
    public void CardsAreOrderedCriticalThenWarningThenInfo()
    {
        var response = Run(null, new FixedRule("A", CardIndicator.Info), new FixedRule("B", CardIndicator.Critical), new FixedRule("C", CardIndicator.Warning));

        Assert.Equal(["B", "C", "A"], Ids(response));
    }

    [Fact]
    public void BudgetKeepsTheMostSevereThree()
    {
        var response = Run(null,
            new FixedRule("I1", CardIndicator.Info), new FixedRule("W1", CardIndicator.Warning), new FixedRule("I2", CardIndicator.Info),
            new FixedRule("W2", CardIndicator.Warning), new FixedRule("C1", CardIndicator.Critical));

        Assert.Equal(["C1", "W1", "W2"], Ids(response));
    }

    [Fact]
    public void ProtectedCardsAreNeverDroppedEvenBeyondTheBudget()
    {
        var response = Run(new PathwayOptions { CardMax = 1 },
            new FixedRule("W1", CardIndicator.Warning), new FixedRule("R01", CardIndicator.Warning, isProtected: true),
            new FixedRule("R02", CardIndicator.Critical, isProtected: true));

        Assert.Equal(["R02", "R01"], Ids(response));
    }

    [Fact]
    public void PreliminaryDataIsCappedAtInfo()
    {
        var response = Run(null, new FixedRule("X", CardIndicator.Critical, preliminary: true));

        Assert.Equal(CardIndicator.Info, Assert.Single(response.Cards).Indicator);
    }

    [Fact]
    public void DisabledRuleDoesNotRun()
    {
        var options = new PathwayOptions();
        options.DisabledRules.Add("X");

        Assert.Empty(Run(options, new FixedRule("X", CardIndicator.Info)).Cards);
    }

    [Fact]
    public void OptionalRuleRunsOnlyWhenEnabled()
    {
        var enabled = new PathwayOptions();
        enabled.EnabledOptionalRules.Add("R25");

        Assert.Empty(Run(null, new FixedRule("R25", CardIndicator.Warning, optional: true)).Cards);
        Assert.Single(Run(enabled, new FixedRule("R25", CardIndicator.Warning, optional: true)).Cards);
    }

    [Fact]
    public void EveryCardCarriesTheRuleTopicAndAStableUuid()
    {
        var first = Assert.Single(Run(null, new FixedRule("DQ1", CardIndicator.Info)).Cards);
        var second = Assert.Single(Run(null, new FixedRule("DQ1", CardIndicator.Info)).Cards);

        Assert.Equal("http://calccds.org/fhir/CodeSystem/cds-rule", first.Source.Topic!.System);
        Assert.Equal("Rule DQ1", first.Source.Topic.Display);
        Assert.Equal(PathwayEvaluator.SourceLabel, first.Source.Label);
        Assert.Equal(first.Uuid, second.Uuid);
    }

    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> created = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter(options);
            created.Add(meter);
            return meter;
        }

        public void Dispose() => created.ForEach(m => m.Dispose());
    }
}
