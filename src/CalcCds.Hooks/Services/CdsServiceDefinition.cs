using CalcCds.Hooks.Prefetch;

namespace CalcCds.Hooks.Services;

/// <summary>
/// One CDS service: its identity and hook, what it tells the EHR in discovery, and the prefetch templates it asks
/// for. The templates are compiled once, so a bad token fails at start-up rather than on a clinician's click.
/// </summary>
public sealed record CdsServiceDefinition
{
    public CdsServiceDefinition(string id, string hook, string title, string description, IReadOnlyDictionary<string, string> prefetch)
    {
        Id = id;
        Hook = hook;
        Title = title;
        Description = description;
        Prefetch = prefetch;
        Templates = prefetch.ToDictionary(p => p.Key, p => PrefetchTemplate.Parse(p.Key, p.Value), StringComparer.Ordinal);
    }

    public string Id { get; }

    public string Hook { get; }

    public string Title { get; }

    public string Description { get; }

    public IReadOnlyDictionary<string, string> Prefetch { get; }

    public IReadOnlyDictionary<string, PrefetchTemplate> Templates { get; }

    public string? UsageRequirements { get; init; }
}

/// <summary>The services this deployment offers, in discovery order.</summary>
public interface ICdsServiceCatalog
{
    IReadOnlyList<CdsServiceDefinition> Services { get; }

    CdsServiceDefinition? Find(string id);
}
