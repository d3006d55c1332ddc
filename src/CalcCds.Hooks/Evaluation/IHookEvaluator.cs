using System.Collections.Frozen;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Hooks.Services;

namespace CalcCds.Hooks.Evaluation;

/// <summary>Everything one evaluation needs: the service called, the validated request and complete prefetch data.</summary>
public sealed record HookInvocation(CdsServiceDefinition Service, CdsRequest Request, PrefetchSet Prefetch)
{
    /// <summary>
    /// Cards a clinician already acted on for this patient within the repeat-suppression window (Product decision 9),
    /// loaded from the feedback store before evaluation. Empty when suppression is off or the store could not answer.
    /// </summary>
    public IReadOnlySet<RepeatKey> ActedOn { get; init; } = FrozenSet<RepeatKey>.Empty;
}

/// <summary>The rule, lesion and fingerprint of a card; two cards with equal keys gave the same advice on the same inputs.</summary>
public readonly record struct RepeatKey(string RuleId, string LesionKey, string Fingerprint);

/// <summary>Turns a hook invocation into cards. The clinical pathway implements it; the protocol layer does not know rules.</summary>
public interface IHookEvaluator
{
    CdsResponse Evaluate(HookInvocation invocation);
}
