namespace CalcCds.Testing.Fhir;

/// <summary>
/// A rule: when <see cref="Matches"/> accepts a request, apply <see cref="Action"/>, at most
/// <see cref="Limit"/> times (null = every matching request).
/// </summary>
public sealed class FaultRule
{
    private int applied;

    internal FaultRule(Func<RecordedRequest, bool> matches, FaultAction action, int? limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit ?? 1, nameof(limit));
        Matches = matches;
        Action = action;
        Limit = limit;
    }

    public Func<RecordedRequest, bool> Matches { get; }

    public FaultAction Action { get; }

    public int? Limit { get; }

    /// <summary>How many requests this rule has been applied to.</summary>
    public int Applied => Volatile.Read(ref applied);

    /// <summary>Claims one application; false once the limit is used up. Called under the rules' lock.</summary>
    internal bool TryApply(RecordedRequest request)
    {
        if ((Limit is { } limit && applied >= limit) || !Matches(request))
        {
            return false;
        }

        applied++;
        return true;
    }
}

/// <summary>
/// Fault injection for <see cref="FhirTestServer"/>. Rules are checked in the order added; the first one
/// that matches (and has not used up its limit) applies. Thread-safe.
/// </summary>
public sealed class FaultRules
{
    private readonly Lock gate = new();
    private readonly List<FaultRule> rules = [];

    /// <summary>Adds a rule with any predicate on the request.</summary>
    public FaultRule Add(Func<RecordedRequest, bool> matches, FaultAction action, int? limit = null)
    {
        var rule = new FaultRule(matches, action, limit);
        lock (gate)
        {
            rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Every request.</summary>
    public FaultRule ForAll(FaultAction action, int? limit = null) => Add(_ => true, action, limit);

    /// <summary>Reads and searches of one resource type, e.g. <c>Observation</c>.</summary>
    public FaultRule ForResourceType(string resourceType, FaultAction action, int? limit = null) =>
        Add(r => string.Equals(r.ResourceType, resourceType, StringComparison.Ordinal), action, limit);

    /// <summary>
    /// Requests whose path below the FHIR base starts with <paramref name="relativePathPrefix"/> (plain string
    /// prefix: <c>Patient/1</c> also matches <c>Patient/12</c>).
    /// </summary>
    public FaultRule ForPathPrefix(string relativePathPrefix, FaultAction action, int? limit = null) =>
        Add(r => r.RelativePath.StartsWith(relativePathPrefix.TrimStart('/'), StringComparison.Ordinal), action, limit);

    public bool Remove(FaultRule rule)
    {
        lock (gate)
        {
            return rules.Remove(rule);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    internal FaultAction? Take(RecordedRequest request)
    {
        lock (gate)
        {
            foreach (var rule in rules)
            {
                if (rule.TryApply(request))
                {
                    return rule.Action;
                }
            }
        }

        return null;
    }
}
