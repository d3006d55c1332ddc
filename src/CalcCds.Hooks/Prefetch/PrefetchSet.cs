using CalcCds.Fhir.Model;

namespace CalcCds.Hooks.Prefetch;

/// <summary>Where a prefetch answer came from.</summary>
public enum PrefetchSource
{
    /// <summary>The EHR sent it in the request.</summary>
    Request,

    /// <summary>The service fetched it from <c>fhirServer</c>.</summary>
    Fetched,

    /// <summary>The template could not be formed for this call (a token had no value): no data.</summary>
    NotApplicable,
}

/// <summary>One prefetch answer: a resource (often a searchset Bundle), or null when the read found nothing.</summary>
public sealed record PrefetchValue(Resource? Resource, PrefetchSource Source);

/// <summary>The answers to every prefetch template of a service for one call, with no gaps left.</summary>
public sealed class PrefetchSet
{
    private readonly IReadOnlyDictionary<string, PrefetchValue> values;

    public PrefetchSet(IReadOnlyDictionary<string, PrefetchValue> values)
    {
        this.values = values;
    }

    public static PrefetchSet Empty { get; } = new(new Dictionary<string, PrefetchValue>());

    public IEnumerable<string> Keys => values.Keys;

    public int FetchedCount => values.Values.Count(v => v.Source == PrefetchSource.Fetched);

    public PrefetchValue? this[string key] => values.GetValueOrDefault(key);

    /// <summary>The resources of type <typeparamref name="T"/> under <paramref name="key"/>: the resource itself, or the
    /// entries of a Bundle (search matches and includes; OperationOutcome entries are skipped by type).</summary>
    public IEnumerable<T> Resources<T>(string key)
        where T : Resource
    {
        var resource = values.GetValueOrDefault(key)?.Resource;
        switch (resource)
        {
            case T single:
                yield return single;
                break;
            case Bundle { Entry: { } entries }:
                foreach (var entry in entries)
                {
                    if (entry.Resource is T typed)
                    {
                        yield return typed;
                    }
                }

                break;
        }
    }

    /// <summary>The resources of type <typeparamref name="T"/> under any key, without duplicates by id.</summary>
    public IEnumerable<T> AllResources<T>()
        where T : Resource
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in values.Keys)
        {
            foreach (var resource in Resources<T>(key))
            {
                if (resource.Id is null || seen.Add(resource.Id))
                {
                    yield return resource;
                }
            }
        }
    }
}
