using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Hooks.Services;

namespace CalcCds.Hooks.Evaluation;

/// <summary>Everything one evaluation needs: the service called, the validated request and complete prefetch data.</summary>
public sealed record HookInvocation(CdsServiceDefinition Service, CdsRequest Request, PrefetchSet Prefetch);

/// <summary>Turns a hook invocation into cards. The clinical pathway implements it; the protocol layer does not know rules.</summary>
public interface IHookEvaluator
{
    CdsResponse Evaluate(HookInvocation invocation);
}
