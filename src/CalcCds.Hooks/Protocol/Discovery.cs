namespace CalcCds.Hooks.Protocol;

/// <summary>The discovery document answered at <c>GET /cds-services</c>.</summary>
public sealed record DiscoveryResponse(IReadOnlyList<DiscoveredService> Services);

public sealed record DiscoveredService
{
    public required string Hook { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Id { get; init; }

    public IReadOnlyDictionary<string, string>? Prefetch { get; init; }

    public string? UsageRequirements { get; init; }
}
