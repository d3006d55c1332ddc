using System.Globalization;
using CalcCds.Pathway.Options;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Lesion;

/// <summary>Computes the §4.5 red flags of one lesion. Missing inputs give "unknown", never "false" (§7.6).</summary>
internal static class RedFlagAssessor
{
    private static readonly HashSet<string> PainSymptoms = new(StringComparer.Ordinal)
    {
        SymptomCodes.Display(SymptomCodes.Pain), SymptomCodes.Display(SymptomCodes.PainInLowerLimb), "pain at the site",
    };

    private static readonly HashSet<string> MassSymptoms = new(StringComparer.Ordinal)
    {
        SymptomCodes.Display(SymptomCodes.PalpableMass), SymptomCodes.Display(SymptomCodes.MassOfSoftTissue),
    };

    private static readonly HashSet<string> DeepLocations = new(StringComparer.Ordinal)
    {
        StcCodes.Location.Intramuscular, StcCodes.Location.IntermuscularFascial,
    };

    private static readonly HashSet<string> IncreasingChange = new(StringComparer.Ordinal)
    {
        SnomedCodes.Change.Increased, SnomedCodes.Change.Greater,
    };

    private static readonly HashSet<string> SystemicDistribution = new(StringComparer.Ordinal)
    {
        StcCodes.Distribution.Generalized, StcCodes.Distribution.Bilateral, StcCodes.Distribution.Multifocal, StcCodes.Distribution.Regional,
    };

    public static bool IsAggressiveBone(string code) =>
        code is StcCodes.Bone.Erosion or StcCodes.Bone.Destruction or StcCodes.Bone.PeriostealReaction;

    public static LesionAssessment Assess(IndexFinding index, PatientPicture picture)
    {
        var options = picture.Options.Lesion;
        var reports = LesionReports.For(index, picture);
        var (finding, conflicts) = DescriptorMerge.Merge(index, reports, picture.Now.AddDays(-options.ReportDisagreementDays), options.SizeRedFlagCm);
        var risks = finding.Patterns.Count == 0
            ? new HashSet<RiskClass> { RiskClass.Nonspecific }
            : finding.Patterns.Select(p => PatternRisk.Of(p.Value)).ToHashSet();
        var mass = Mass(finding, picture);
        var eligible = Eligibility(finding, risks, mass);
        var computed = GrowthComputation.Compute(reports, options);
        var rapid = RapidGrowth(finding, computed);
        return new LesionAssessment
        {
            Index = index,
            Finding = finding,
            Reports = reports,
            Conflicts = conflicts,
            RiskClasses = risks,
            Eligible = eligible,
            Mass = mass,
            ComputedGrowth = computed,
            Size = Size(finding, eligible, options),
            Deep = Deep(finding, eligible, risks),
            RapidGrowth = rapid,
            Increasing = Increasing(finding, computed, rapid),
            Pain = Pain(finding, picture, mass),
            Bone = Bone(finding),
            Matrix = Matrix(finding, mass),
        };
    }

    /// <summary>The merged associated-mass fact; a clinical-exam palpable mass (§2.6) counts as present when imaging does not say so.</summary>
    private static Fact<Presence>? Mass(IndexFinding finding, PatientPicture picture)
    {
        if (finding.AssociatedMass?.Value == Presence.Present)
        {
            return finding.AssociatedMass;
        }

        var exam = picture.SymptomFacts.FirstOrDefault(s => s.Value.Present && MassSymptoms.Contains(s.Value.Symptom));
        return exam is null ? finding.AssociatedMass : new Fact<Presence>(Presence.Present, exam.Origin, exam.Reference, exam.Date, exam.Sentence);
    }

    /// <summary>
    /// §4.5 eligibility: size basis = mass (any pattern), or a solitary calcification extent whose riskClass is concerning,
    /// concerning-high or non-specific. Interpretations (safety bias): an associated mass makes the lesion eligible; a
    /// missing size basis or distribution does not exclude it, but long vascular runs, specific patterns and
    /// multifocal/generalized calcinosis still do.
    /// </summary>
    private static RedFlag Eligibility(IndexFinding finding, HashSet<RiskClass> risks, Fact<Presence>? mass)
    {
        var facts = new List<string>();
        if (finding.SizeBasis?.Value == StcCodes.SizeBasis.Mass)
        {
            return new RedFlag("ELIGIBLE", FlagState.True, "size measures the mass", [CardText.Fact("Size measures", finding.SizeBasis)], finding.SizeBasis.FromText);
        }

        if (mass?.Value == Presence.Present)
        {
            return new RedFlag("ELIGIBLE", FlagState.True, "associated soft-tissue mass", [CardText.Fact("Associated mass", mass)], mass.FromText);
        }

        var concerning = risks.Overlaps([RiskClass.Concerning, RiskClass.ConcerningHigh, RiskClass.Nonspecific]);
        if (!concerning)
        {
            return RedFlag.No("ELIGIBLE");
        }

        if (finding.Distribution is { } dist && SystemicDistribution.Contains(dist.Value))
        {
            return RedFlag.No("ELIGIBLE");
        }

        var notes = new List<string>();
        if (finding.Distribution is null)
        {
            notes.Add("distribution not reported; treated as solitary");
        }
        else
        {
            facts.Add(CardText.Fact("Distribution", finding.Distribution));
        }

        if (finding.SizeBasis is null || finding.SizeBasis.Value == StcCodes.SizeBasis.Unknown)
        {
            notes.Add("what the size measures is not reported; treated as the lesion size");
        }

        foreach (var pattern in finding.Patterns)
        {
            facts.Add(CardText.Fact("Pattern", pattern));
        }

        var description = notes.Count == 0 ? "solitary calcification with a concerning or non-specific pattern" : string.Join("; ", notes);
        return new RedFlag("ELIGIBLE", FlagState.True, description, facts, finding.Distribution?.FromText == true || finding.Patterns.Any(p => p.FromText));
    }

    private static RedFlag Size(IndexFinding finding, RedFlag eligible, LesionOptions options)
    {
        if (finding.SizeCm is null)
        {
            return RedFlag.Missing(RedFlagCodes.Size, "Lesion size not reported; red-flag status incomplete.");
        }

        if (finding.SizeCm.Value < options.SizeRedFlagCm || !eligible.IsTrue)
        {
            return RedFlag.No(RedFlagCodes.Size);
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"size {finding.SizeCm.Value:0.##} cm (≥ {options.SizeRedFlagCm:0.0#} cm)");
        return new RedFlag(RedFlagCodes.Size, FlagState.True, text, [CardText.Fact("Size", finding.SizeCm), .. eligible.Facts], finding.SizeCm.FromText || eligible.FromText);
    }

    private static RedFlag Deep(IndexFinding finding, RedFlag eligible, HashSet<RiskClass> risks)
    {
        var deepLocation = finding.Locations.FirstOrDefault(l => DeepLocations.Contains(l.Value));
        var deepDepth = finding.Depth?.Value == DepthValue.Deep ? finding.Depth : null;
        if (deepDepth is null && deepLocation is null)
        {
            return finding.Depth is null || finding.Depth.Value == DepthValue.Indeterminate
                ? RedFlag.Missing(RedFlagCodes.Deep, "Relationship to the deep fascia not reported.")
                : RedFlag.No(RedFlagCodes.Deep);
        }

        var chondrocalcinosis = finding.Patterns.Any(p => p.Value == StcCodes.Pattern.Chondrocalcinosis)
            && finding.Locations.Any(l => l.Value == StcCodes.Location.IntraArticular);
        var vascularOnly = risks.Count == 1 && risks.Contains(RiskClass.BenignVascular);
        if (!eligible.IsTrue || vascularOnly || chondrocalcinosis)
        {
            return RedFlag.No(RedFlagCodes.Deep);
        }

        var facts = new List<string>();
        if (deepDepth is not null)
        {
            facts.Add(CardText.Fact("Depth", deepDepth));
        }

        if (deepLocation is not null)
        {
            facts.Add(CardText.Fact("Location", deepLocation));
        }

        var fromText = deepDepth?.FromText ?? deepLocation!.FromText;
        return new RedFlag(RedFlagCodes.Deep, FlagState.True, "deep to the fascia", [.. facts, .. eligible.Facts], fromText || eligible.FromText);
    }

    /// <summary>An asserted growth wins over the computed one (§4.6).</summary>
    private static RedFlag RapidGrowth(IndexFinding finding, ComputedGrowth? computed)
    {
        if (finding.Growth is { } asserted && asserted.Value != StcCodes.Growth.Unknown)
        {
            return asserted.Value == StcCodes.Growth.Rapid
                ? new RedFlag(RedFlagCodes.RapidGrowth, FlagState.True, "rapid growth", [CardText.Fact("Growth", asserted)], asserted.FromText)
                : RedFlag.No(RedFlagCodes.RapidGrowth);
        }

        if (computed is not null)
        {
            return computed.Growth == StcCodes.Growth.Rapid
                ? new RedFlag(RedFlagCodes.RapidGrowth, FlagState.True, "rapid growth", ["- Growth: " + computed.Describe()])
                : RedFlag.No(RedFlagCodes.RapidGrowth);
        }

        return RedFlag.Missing(RedFlagCodes.RapidGrowth, "Growth not reported and no earlier measurement to compare.");
    }

    private static RedFlag Increasing(IndexFinding finding, ComputedGrowth? computed, RedFlag rapid)
    {
        if (rapid.IsTrue)
        {
            return RedFlag.No(RedFlagCodes.Increasing);
        }

        if (finding.Change is { } change && IncreasingChange.Contains(change.Value))
        {
            return new RedFlag(RedFlagCodes.Increasing, FlagState.True, "increasing in size", [CardText.Fact("Change from prior", change)], change.FromText);
        }

        if (finding.Growth is { } growth && growth.Value == StcCodes.Growth.Increased)
        {
            return new RedFlag(RedFlagCodes.Increasing, FlagState.True, "increasing in size", [CardText.Fact("Growth", growth)], growth.FromText);
        }

        if (finding.Growth is null && computed?.Growth == StcCodes.Growth.Increased)
        {
            return new RedFlag(RedFlagCodes.Increasing, FlagState.True, "increasing in size", ["- Growth: " + computed.Describe()]);
        }

        return finding.Change is null && finding.Growth is null && computed is null
            ? RedFlag.Missing(RedFlagCodes.Increasing, "Change from a prior study not reported.")
            : RedFlag.No(RedFlagCodes.Increasing);
    }

    /// <summary>Product decision 3: pain counts only with an associated mass or when recorded as unexplained.</summary>
    /// <summary>The first symptom fact recording pain, tenderness, swelling or a mass as present, or null.</summary>
    private static Fact<SymptomRecord>? FirstPresentPainSymptom(IReadOnlyList<Fact<SymptomRecord>> symptoms)
    {
        foreach (var symptom in symptoms)
        {
            if (symptom.Value.Present && PainSymptoms.Contains(symptom.Value.Symptom))
            {
                return symptom;
            }
        }

        return null;
    }

    private static RedFlag Pain(IndexFinding finding, PatientPicture picture, Fact<Presence>? mass)
    {
        // The pain fact's line is written only for a flag that is set: most lesions end with no flag or a missing one.
        var painAtSite = finding.Pain is { Value: true } p ? p : null;
        var painSymptom = painAtSite is null ? FirstPresentPainSymptom(picture.SymptomFacts) : null;
        if (painAtSite is null && painSymptom is null)
        {
            var anyPainRecord = finding.Pain is not null || picture.SymptomFacts.Any(s => PainSymptoms.Contains(s.Value.Symptom));
            return anyPainRecord ? RedFlag.No(RedFlagCodes.Pain) : RedFlag.Missing(RedFlagCodes.Pain, "Symptoms (pain, tenderness, swelling, palpable mass) not documented.");
        }

        string PainLine() => painAtSite is not null ? CardText.Fact("Pain at the site", painAtSite) : CardText.Fact("Symptom recorded", painSymptom!);

        if (mass?.Value == Presence.Present)
        {
            return new RedFlag(RedFlagCodes.Pain, FlagState.True, "painful, with a mass", [PainLine(), CardText.Fact("Associated mass", mass)], mass.FromText);
        }

        if (finding.PainUnexplained is { Value: true } unexplained)
        {
            return new RedFlag(RedFlagCodes.Pain, FlagState.True, "pain without clear cause", [PainLine(), CardText.Fact("Pain unexplained", unexplained)]);
        }

        return mass is null || mass.Value == Presence.Indeterminate
            ? RedFlag.Missing(RedFlagCodes.Pain, "Pain recorded; whether a mass is present or the pain is unexplained is not stated.")
            : RedFlag.No(RedFlagCodes.Pain);
    }

    private static RedFlag Bone(IndexFinding finding)
    {
        if (finding.BoneInvolvement is not { } bone || bone.Value == StcCodes.Bone.Indeterminate)
        {
            return RedFlag.Missing(RedFlagCodes.Bone, "Bone involvement not reported.");
        }

        return IsAggressiveBone(bone.Value)
            ? new RedFlag(RedFlagCodes.Bone, FlagState.True, $"bone involvement: {bone.Value}", [CardText.Fact("Bone involvement", bone)], bone.FromText)
            : RedFlag.No(RedFlagCodes.Bone);
    }

    private static RedFlag Matrix(IndexFinding finding, Fact<Presence>? mass)
    {
        if (finding.Patterns.Count == 0)
        {
            return RedFlag.Missing(RedFlagCodes.Matrix, "Calcification pattern not reported; treated as non-specific.");
        }

        var osteoid = finding.Patterns.FirstOrDefault(p => p.Value == StcCodes.Pattern.AmorphousFluffyConfluent);
        if (osteoid is not null)
        {
            return new RedFlag(RedFlagCodes.Matrix, FlagState.True, "amorphous, fluffy, confluent (osteoid-like) mineralization", [CardText.Fact("Pattern", osteoid)], osteoid.FromText);
        }

        var concerning = finding.Patterns.FirstOrDefault(p => PatternRisk.Of(p.Value) == RiskClass.Concerning);
        if (concerning is null)
        {
            return RedFlag.No(RedFlagCodes.Matrix);
        }

        if (mass?.Value == Presence.Present)
        {
            return new RedFlag(RedFlagCodes.Matrix, FlagState.True, $"{PatternRisk.Display(concerning.Value)} calcification within a mass",
                [CardText.Fact("Pattern", concerning), CardText.Fact("Associated mass", mass)], concerning.FromText || mass.FromText);
        }

        return mass is null || mass.Value == Presence.Indeterminate
            ? RedFlag.Missing(RedFlagCodes.Matrix, $"{PatternRisk.Display(concerning.Value)} pattern; presence of a soft-tissue mass not stated.")
            : RedFlag.No(RedFlagCodes.Matrix);
    }
}
