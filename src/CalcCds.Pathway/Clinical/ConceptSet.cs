using System.Collections.Frozen;
using CalcCds.Fhir.Model;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Clinical;

/// <summary>
/// A clinical concept as the pathway matches it (clinical-pathway.md §2 "Implementation rule"): a set of SNOMED CT
/// codes standing for the ECL expansion until a terminology server is configured, plus ICD-10-CM prefixes matched
/// after removing the dot (so <c>N18.6</c>, <c>N186</c> and <c>n18.6</c> are one code).
/// </summary>
public sealed class ConceptSet
{
    // Concept sets are static and asked about every Condition code on every request: a frozen set looks up faster.
    private readonly FrozenSet<string> snomed;
    private readonly string[] icdPrefixes;

    /// <summary>The first characters of <see cref="icdPrefixes"/>, each once: a code starting with none of them matches
    /// no prefix, which settles most tests without comparing prefixes. Null when a prefix is empty (it matches all).</summary>
    private readonly string? icdFirstChars;

    /// <summary>How many concept sets exist; each has its own <see cref="Ordinal"/> below this.</summary>
    private static int count;

    public ConceptSet(string name, IEnumerable<string> snomed, IEnumerable<string> icd10CmPrefixes)
    {
        ArgumentNullException.ThrowIfNull(snomed);
        ArgumentNullException.ThrowIfNull(icd10CmPrefixes);
        Name = name;
        Ordinal = Interlocked.Increment(ref count) - 1;
        this.snomed = snomed.ToFrozenSet(StringComparer.Ordinal);
        icdPrefixes = icd10CmPrefixes.Select(NormalizeIcd).ToArray();
        icdFirstChars = icdPrefixes.Any(p => p.Length == 0) ? null : new string(icdPrefixes.Select(p => p[0]).Distinct().ToArray());
    }

    /// <summary>Human name used in card text, e.g. "chronic kidney disease".</summary>
    public string Name { get; }

    /// <summary>The number of concept sets made so far (the static ones, and any a test makes).</summary>
    internal static int Count => Volatile.Read(ref count);

    /// <summary>This set's number, 0 to <see cref="Count"/> - 1: a <see cref="ConditionIndex"/> keeps its answers by it.</summary>
    internal int Ordinal { get; }

    public bool Matches(Coding? coding)
    {
        if (coding?.Code is not { Length: > 0 } code)
        {
            return false;
        }

        return coding.System switch
        {
            FhirSystems.Snomed => snomed.Contains(code),
            FhirSystems.Icd10Cm => MatchesIcd(code),
            _ => false,
        };
    }

    public bool Matches(CodeableConcept? concept)
    {
        if (concept?.Coding is not { } codings)
        {
            return false;
        }

        for (var i = 0; i < codings.Count; i++)
        {
            if (Matches(codings[i]))
            {
                return true;
            }
        }

        return false;
    }

    public bool MatchesIcd(string code)
    {
        ArgumentNullException.ThrowIfNull(code);

        // Every Condition coding is tested against many concepts per request: normalize on the stack (the same steps
        // as NormalizeIcd) for the usual short code, and compare prefixes without a string per test.
        if (code.Length > 64)
        {
            var normalized = NormalizeIcd(code);
            return StartsWithAny(normalized);
        }

        Span<char> withoutDots = stackalloc char[code.Length];
        var length = 0;
        foreach (var c in code)
        {
            if (c != '.')
            {
                withoutDots[length++] = c;
            }
        }

        ReadOnlySpan<char> trimmed = withoutDots[..length].Trim();
        Span<char> upper = stackalloc char[trimmed.Length];
        trimmed.ToUpperInvariant(upper);
        return StartsWithAny(upper);
    }

    /// <summary>A SNOMED CT code of the set (as <see cref="Matches(Coding?)"/> for a SNOMED coding).</summary>
    internal bool HasSnomed(string code) => snomed.Contains(code);

    /// <summary>An ICD-10-CM code already in <see cref="NormalizeIcd"/> form starts with one of the set's prefixes.</summary>
    internal bool MatchesNormalizedIcd(string normalized) => StartsWithAny(normalized);

    private bool StartsWithAny(ReadOnlySpan<char> normalized)
    {
        if (icdFirstChars is not null && (normalized.IsEmpty || !icdFirstChars.Contains(normalized[0], StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var prefix in icdPrefixes)
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static string NormalizeIcd(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Replace(".", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
    }

    public override string ToString() => Name;
}
