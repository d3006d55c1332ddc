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
    /// <remarks>
    /// The rules read the prefetch many times per call, mostly with <c>foreach</c>: the answer is a struct whose
    /// enumerator walks the Bundle entries in place, with no iterator object or interface call per resource. It is
    /// still an <see cref="IEnumerable{T}"/> for LINQ.
    /// </remarks>
    public PrefetchResources<T> Resources<T>(string key)
        where T : Resource =>
        new(values.GetValueOrDefault(key)?.Resource);

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

/// <summary>The resources of one type under one prefetch key (see <see cref="PrefetchSet.Resources{T}"/>).</summary>
public readonly struct PrefetchResources<T> : IEnumerable<T>
    where T : Resource
{
    private readonly Resource? resource;

    internal PrefetchResources(Resource? resource)
    {
        this.resource = resource;
    }

    public Enumerator GetEnumerator() => new(resource);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The resource itself when it is a <typeparamref name="T"/>, else each Bundle entry that is one.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly T? single;
        private readonly IReadOnlyList<BundleEntry>? entries;
        private int index;

        internal Enumerator(Resource? resource)
        {
            single = resource as T;
            entries = single is null && resource is Bundle bundle ? bundle.Entry : null;
            index = -1;
            Current = null!;
        }

        public T Current { get; private set; }

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (single is not null)
            {
                if (index++ >= 0)
                {
                    return false;
                }

                Current = single;
                return true;
            }

            while (entries is not null && ++index < entries.Count)
            {
                if (entries[index].Resource is T typed)
                {
                    Current = typed;
                    return true;
                }
            }

            return false;
        }

        public void Reset()
        {
            index = -1;
            Current = null!;
        }

        public readonly void Dispose()
        {
        }
    }
}
