using System.Reflection;

namespace CalcCds.Pathway.Rules.Docs;

/// <summary>
/// Finds the rule classes of the pathway assembly the way the service's Scrutor scan does (every concrete class
/// assignable to <see cref="IRule"/>, public or not), so documentation lists exactly the rules that run.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Type> RuleTypes { get; } = typeof(IRule).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Creates one instance of every rule class (rules are stateless and have parameterless constructors).</summary>
    public static IReadOnlyList<IRule> CreateAll() =>
        RuleTypes.Select(t => (IRule)Activator.CreateInstance(t)!).ToList();

    public static RuleDocAttribute? DocOf(IRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.GetType().GetCustomAttribute<RuleDocAttribute>();
    }
}
