using System.Globalization;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Lesion;

/// <summary>
/// Combines the reports of one lesion into the descriptors the red flags are computed on (§4.5 first line, §7.3
/// item 4): size, depth and mass by MRI &gt; CT &gt; US &gt; XR, matrix and pattern by CT &gt; XR &gt; MRI &gt; US, then coded
/// before text (Product decision 7), then the latest. Where reports disagree on a red-flag-relevant descriptor the
/// more concerning value is used (safety bias, §5 DQ2) and the disagreement is returned for DQ2.
/// </summary>
internal static class DescriptorMerge
{
    private static readonly string[] BoneSeverity =
    [
        StcCodes.Bone.Destruction, StcCodes.Bone.Erosion, StcCodes.Bone.PeriostealReaction,
        StcCodes.Bone.Indeterminate, StcCodes.Bone.AbutsNoChange, StcCodes.Bone.None,
    ];

    private static readonly decimal[] SizeThresholds = [3.0m, 5.0m];

    public static (IndexFinding Merged, IReadOnlyList<DescriptorConflict> Conflicts) Merge(
        IndexFinding index, IReadOnlyList<LesionReport> reports, DateTimeOffset conflictSince, decimal sizeRedFlagCm)
    {
        if (reports.Count == 0)
        {
            return (index, []);
        }

        // A preliminary index finding never overrides final reports of the same lesion: the latest final report is the base.
        var baseFinding = index.IsPreliminary
            ? reports.OrderByDescending(r => r.Finding.When ?? DateTimeOffset.MinValue).First().Finding
            : index;
        var conflicts = new List<DescriptorConflict>();
        var recent = reports.Where(r => r.Finding.When is { } when && when >= conflictSince).ToList();

        // Size (with its basis): the precedence pick, unless recent reports fall on both sides of 3 or 5 cm.
        var size = Pick(reports, f => f.SizeCm, ModalityPrecedence.ForSizeDepthMass);
        var sizeOwner = size is null ? null : reports.First(r => ReferenceEquals(r.Finding.SizeCm, size)).Finding;
        var recentSizes = recent.Where(r => r.Finding.SizeCm is not null).ToList();
        var thresholds = SizeThresholds.Append(sizeRedFlagCm).Distinct().ToArray();
        if (recentSizes.Count > 1)
        {
            var min = recentSizes.MinBy(r => r.Finding.SizeCm!.Value)!;
            var max = recentSizes.MaxBy(r => r.Finding.SizeCm!.Value)!;
            if (thresholds.Any(t => min.Finding.SizeCm!.Value < t && max.Finding.SizeCm!.Value >= t))
            {
                conflicts.Add(new DescriptorConflict("size", Describe(min, min.Finding.SizeCm!), Describe(max, max.Finding.SizeCm!)));
                size = max.Finding.SizeCm;
                sizeOwner = max.Finding;
            }
        }

        // Depth: deep wins over superficial when recent reports disagree.
        var depth = Pick(reports, f => f.Depth, ModalityPrecedence.ForSizeDepthMass);
        var deep = recent.FirstOrDefault(r => r.Finding.Depth?.Value == DepthValue.Deep);
        var superficial = recent.FirstOrDefault(r => r.Finding.Depth?.Value == DepthValue.Superficial);
        if (deep is not null && superficial is not null)
        {
            conflicts.Add(new DescriptorConflict("depth", Describe(superficial, superficial.Finding.Depth!), Describe(deep, deep.Finding.Depth!)));
            depth = deep.Finding.Depth;
        }

        // Associated mass: a report that sees a mass wins (not a DQ2 item, but a red-flag input).
        var mass = Pick(reports, f => f.AssociatedMass, ModalityPrecedence.ForSizeDepthMass);
        var massPresent = reports.FirstOrDefault(r => r.Finding.AssociatedMass?.Value == Presence.Present)?.Finding.AssociatedMass;
        if (massPresent is not null)
        {
            mass = massPresent;
        }

        // Bone involvement: the most severe statement wins; erosion/destruction/periosteal reaction against none is a conflict.
        var bone = Pick(reports, f => f.BoneInvolvement, ModalityPrecedence.ForSizeDepthMass);
        var worstBone = reports.Where(r => r.Finding.BoneInvolvement is not null)
            .OrderBy(r => Array.IndexOf(BoneSeverity, r.Finding.BoneInvolvement!.Value) is var i && i < 0 ? int.MaxValue : i)
            .FirstOrDefault();
        if (worstBone is not null && RedFlagAssessor.IsAggressiveBone(worstBone.Finding.BoneInvolvement!.Value))
        {
            var recentNone = recent.FirstOrDefault(r => r.Finding.BoneInvolvement is { } b && !RedFlagAssessor.IsAggressiveBone(b.Value) && b.Value != StcCodes.Bone.Indeterminate);
            var recentWorst = recent.FirstOrDefault(r => r.Finding.BoneInvolvement is { } b && RedFlagAssessor.IsAggressiveBone(b.Value));
            if (recentNone is not null && recentWorst is not null)
            {
                conflicts.Add(new DescriptorConflict("bone involvement", Describe(recentNone, recentNone.Finding.BoneInvolvement!), Describe(recentWorst, recentWorst.Finding.BoneInvolvement!)));
            }

            bone = worstBone.Finding.BoneInvolvement;
        }

        // Pattern and matrix by CT > XR > MRI > US; an osteoid-like matrix seen on any report is kept (red flag).
        var patternOwner = Best(reports, static f => f.Patterns.Count > 0, ModalityPrecedence.ForMatrixPattern);
        var patterns = (patternOwner?.Finding.Patterns ?? baseFinding.Patterns).ToList();
        var osteoid = reports.SelectMany(r => r.Finding.Patterns).FirstOrDefault(p => p.Value == StcCodes.Pattern.AmorphousFluffyConfluent);
        if (osteoid is not null && !patterns.Any(p => p.Value == osteoid.Value))
        {
            patterns.Add(osteoid);
        }

        var matrix = Pick(reports, f => f.Matrix, ModalityPrecedence.ForMatrixPattern);

        var merged = baseFinding with
        {
            SizeCm = size ?? baseFinding.SizeCm,
            SizeBasis = sizeOwner is not null ? sizeOwner.SizeBasis : baseFinding.SizeBasis,
            Depth = depth ?? baseFinding.Depth,
            AssociatedMass = mass ?? baseFinding.AssociatedMass,
            BoneInvolvement = bone ?? baseFinding.BoneInvolvement,
            Patterns = patterns,
            Matrix = matrix ?? baseFinding.Matrix,
            Locations = baseFinding.Locations.Count > 0 ? baseFinding.Locations : reports.FirstOrDefault(r => r.Finding.Locations.Count > 0)?.Finding.Locations ?? [],
            Distribution = baseFinding.Distribution ?? reports.Select(r => r.Finding.Distribution).FirstOrDefault(d => d is not null),
            Growth = baseFinding.Growth ?? reports.Select(r => r.Finding.Growth).FirstOrDefault(g => g is not null),
            Change = baseFinding.Change ?? reports.Select(r => r.Finding.Change).FirstOrDefault(c => c is not null),
            Pain = baseFinding.Pain ?? reports.Select(r => r.Finding.Pain).FirstOrDefault(p => p is not null),
            PainUnexplained = baseFinding.PainUnexplained ?? reports.Select(r => r.Finding.PainUnexplained).FirstOrDefault(p => p is not null),
        };
        return (merged, conflicts);
    }

    private static Fact<T>? Pick<T>(IReadOnlyList<LesionReport> reports, Func<IndexFinding, Fact<T>?> get, Func<ImagingModality, int> rank) =>
        Best(reports, f => get(f) is not null, rank) is { } best ? get(best.Finding) : null;

    /// <summary>
    /// The report that comes first by precedence among those whose finding has the descriptor. Several descriptors
    /// are picked per lesion on every request: one pass keeping the first best report, which is what a stable sort by
    /// rank, then coded before text, then newest would put first.
    /// </summary>
    private static LesionReport? Best(IReadOnlyList<LesionReport> reports, Func<IndexFinding, bool> has, Func<ImagingModality, int> rank)
    {
        LesionReport? best = null;
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            if (has(report.Finding) && (best is null || Precedes(report, best, rank)))
            {
                best = report;
            }
        }

        return best;
    }

    /// <summary>Strictly before in precedence: higher modality rank, then coded before text, then more recent.</summary>
    private static bool Precedes(LesionReport a, LesionReport b, Func<ImagingModality, int> rank)
    {
        var (rankA, rankB) = (rank(a.Modality), rank(b.Modality));
        if (rankA != rankB)
        {
            return rankA > rankB;
        }

        if (a.Finding.Origin != b.Finding.Origin)
        {
            return a.Finding.Origin < b.Finding.Origin;
        }

        return (a.Finding.When ?? DateTimeOffset.MinValue) > (b.Finding.When ?? DateTimeOffset.MinValue);
    }

    private static string Describe<T>(LesionReport report, Fact<T> fact)
    {
        var value = fact.Value is decimal d ? d.ToString("0.##", CultureInfo.InvariantCulture) + " cm" : fact.Value?.ToString();
        var origin = fact.FromText ? "report text" : "coded";
        return $"{value} ({ModalityPrecedence.Display(report.Modality)}, {origin}, {fact.Reference}, {fact.Date ?? "date not recorded"})";
    }
}
