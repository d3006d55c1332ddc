using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Lesion;

/// <summary>
/// The red-flag assessment of §4.5 for one index lesion, computed on the descriptors merged across its reports
/// (§7.3 item 4). Each flag carries the facts that set it or says what is missing (§7.6).
/// </summary>
public sealed record LesionAssessment
{
    /// <summary>The index finding as the picture holds it (one per side).</summary>
    public required IndexFinding Index { get; init; }

    /// <summary>The descriptors after modality precedence and the safety bias on conflicts; the flags use these.</summary>
    public required IndexFinding Finding { get; init; }

    public required IReadOnlyList<LesionReport> Reports { get; init; }

    public IReadOnlyList<DescriptorConflict> Conflicts { get; init; } = [];

    /// <summary>Risk classes of the lesion's patterns (§3.3); a lesion without a pattern counts as non-specific (§7.6).</summary>
    public required IReadOnlySet<RiskClass> RiskClasses { get; init; }

    public bool PatternKnown => Finding.Patterns.Count > 0;

    /// <summary>Red-flag eligibility of §4.5 (mass, or a solitary concerning/non-specific calcification extent).</summary>
    public required RedFlag Eligible { get; init; }

    public required RedFlag Size { get; init; }

    public required RedFlag Deep { get; init; }

    public required RedFlag RapidGrowth { get; init; }

    public required RedFlag Increasing { get; init; }

    public required RedFlag Pain { get; init; }

    public required RedFlag Bone { get; init; }

    public required RedFlag Matrix { get; init; }

    /// <summary>Optional flag (old NICE, not in the seeds): not assessed by this service, always unknown.</summary>
    public RedFlag Recurrence { get; init; } = RedFlag.Missing(RedFlagCodes.Recurrence, "recurrence after previous excision is not assessed");

    public ComputedGrowth? ComputedGrowth { get; init; }

    /// <summary>Associated mass after merging, with a clinical-exam palpable mass counted as present (§5 R08).</summary>
    public Fact<Presence>? Mass { get; init; }

    /// <summary>The counted flags of §4.5 (RF_INCREASING is not counted; it drives R06b).</summary>
    public IReadOnlyList<RedFlag> Counted => [Size, Deep, RapidGrowth, Pain, Bone, Matrix];

    /// <summary>RED_FLAG_COUNT.</summary>
    /// <remarks>Asked by most lesion rules on every call: counted in place, without the <see cref="Counted"/> list.</remarks>
    public int RedFlagCount =>
        (Size.IsTrue ? 1 : 0) + (Deep.IsTrue ? 1 : 0) + (RapidGrowth.IsTrue ? 1 : 0)
        + (Pain.IsTrue ? 1 : 0) + (Bone.IsTrue ? 1 : 0) + (Matrix.IsTrue ? 1 : 0);

    /// <summary>RED_FLAG_MAJOR = RF_BONE or RF_MATRIX with a mass or (RF_SIZE and RF_DEEP).</summary>
    public bool RedFlagMajor => Bone.IsTrue || (Matrix.IsTrue && Mass?.Value == Presence.Present) || (Size.IsTrue && Deep.IsTrue);

    /// <summary>Any counted red flag is true.</summary>
    public bool HasRedFlag => RedFlagCount > 0;

    /// <summary>R02's condition without the sarcoma-care exemption: aggressive bone involvement or an osteoid-like matrix.</summary>
    public bool Aggressive => Bone.IsTrue || Finding.Patterns.Any(p => p.Value == StcCodes.Pattern.AmorphousFluffyConfluent);

    /// <summary>The flags that are true, in §4.5 order.</summary>
    public IEnumerable<RedFlag> TrueFlags => Counted.Where(f => f.IsTrue);

    /// <summary>Flags that could not be determined (for the "red-flag status incomplete" lines of §7.6).</summary>
    public IEnumerable<RedFlag> UnknownFlags => Counted.Where(f => f.IsUnknown);

    public string LesionKey => Index.LesionKey;
}
