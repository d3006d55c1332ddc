using CalcCds.Fhir.Model;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Clinical;

/// <summary>
/// The codes of one CodeableConcept as <see cref="ConceptSet"/> matches them: the SNOMED CT codes, and the ICD-10-CM
/// codes already normalized. A Condition is tested against dozens of concepts per request, so its ICD codes are
/// normalized once here rather than once per test.
/// </summary>
internal readonly struct ConceptCodes
{
    private readonly string[] snomed;
    private readonly string[] icd;

    private ConceptCodes(string[] snomed, string[] icd)
    {
        this.snomed = snomed;
        this.icd = icd;
    }

    public static ConceptCodes Of(CodeableConcept? concept)
    {
        if (concept?.Coding is not { Count: > 0 } codings)
        {
            return new ConceptCodes([], []);
        }

        // Counted first, so each array is made once at its size (usually one code, often none of a system).
        var snomedCount = 0;
        var icdCount = 0;
        for (var i = 0; i < codings.Count; i++)
        {
            snomedCount += SystemOf(codings[i]) == CodeSystem.Snomed ? 1 : 0;
            icdCount += SystemOf(codings[i]) == CodeSystem.Icd ? 1 : 0;
        }

        var snomed = snomedCount == 0 ? [] : new string[snomedCount];
        var icd = icdCount == 0 ? [] : new string[icdCount];
        snomedCount = icdCount = 0;
        for (var i = 0; i < codings.Count; i++)
        {
            switch (SystemOf(codings[i]))
            {
                case CodeSystem.Snomed:
                    snomed[snomedCount++] = codings[i].Code!;
                    break;
                case CodeSystem.Icd:
                    icd[icdCount++] = ConceptSet.NormalizeIcd(codings[i].Code!);
                    break;
            }
        }

        return new ConceptCodes(snomed, icd);
    }

    private enum CodeSystem
    {
        Other,
        Snomed,
        Icd,
    }

    /// <summary>The codings <see cref="ConceptSet.Matches(Coding?)"/> can match: a code, in one of its two systems.</summary>
    private static CodeSystem SystemOf(Coding coding) => coding.Code is not { Length: > 0 } ? CodeSystem.Other : coding.System switch
    {
        FhirSystems.Snomed => CodeSystem.Snomed,
        FhirSystems.Icd10Cm => CodeSystem.Icd,
        _ => CodeSystem.Other,
    };

    /// <summary>The same answer as <see cref="ConceptSet.Matches(CodeableConcept?)"/> on the concept these came from.</summary>
    public bool MatchedBy(ConceptSet concept)
    {
        foreach (var code in snomed)
        {
            if (concept.HasSnomed(code))
            {
                return true;
            }
        }

        foreach (var code in icd)
        {
            if (concept.MatchesNormalizedIcd(code))
            {
                return true;
            }
        }

        return false;
    }
}
