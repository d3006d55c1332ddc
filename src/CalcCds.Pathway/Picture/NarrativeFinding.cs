using CalcCds.Pathway.Narrative;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Picture;

/// <summary>
/// Turns what <see cref="ReportTextReader"/> read in a radiology report into an <see cref="IndexFinding"/> (the R00b
/// narrative fallback of §1.4). Every descriptor keeps the sentence it was read from, so the card can ask the
/// clinician to verify it (Product decision 7).
/// </summary>
internal static class NarrativeFinding
{
    public static IndexFinding From(NarrativeReading reading, string reference, string date, DateTimeOffset when, bool preliminary)
    {
        Fact<T> Text<T>(T value, NarrativeAttribute attribute, string? code) =>
            new(value, FactOrigin.ReportText, reference, date, SentenceOf(reading, attribute, code));

        var depth = reading.Depth switch
        {
            SnomedCodes.Depth.Deep => DepthValue.Deep,
            SnomedCodes.Depth.Superficial => DepthValue.Superficial,
            StcCodes.Depth.Indeterminate => DepthValue.Indeterminate,
            _ => null,
        };
        var mass = reading.AssociatedMass switch
        {
            MassStatus.Present => Presence.Present,
            MassStatus.Absent => Presence.Absent,
            MassStatus.Indeterminate => Presence.Indeterminate,
            _ => (Presence?)null,
        };
        var massCode = mass switch
        {
            Presence.Present => SnomedCodes.Presence.Present,
            Presence.Absent => SnomedCodes.Presence.Absent,
            _ => SnomedCodes.Presence.Indeterminate,
        };
        var laterality = reading.Laterality switch
        {
            SnomedCodes.Laterality.Right => Laterality.Right,
            SnomedCodes.Laterality.Left => Laterality.Left,
            SnomedCodes.Laterality.Bilateral => Laterality.Bilateral,
            _ => (Laterality?)null,
        };

        return new IndexFinding
        {
            Reference = reference,
            Origin = FactOrigin.ReportText,
            Date = date,
            When = when,
            IsPreliminary = preliminary,
            IsUncertain = reading.Finding == FindingStatus.Uncertain,
            Sentence = reading.FindingSentence,
            Laterality = laterality is { } side ? Text(side, NarrativeAttribute.Laterality, reading.Laterality) : null,
            BodySite = reading.BodySiteCode is { } site ? Text(site, NarrativeAttribute.BodySite, site) : null,
            Patterns = reading.Patterns.Select(p => Text(p, NarrativeAttribute.Pattern, p)).ToList(),
            SizeCm = reading.MaxSizeCm is { } cm ? Text(cm, NarrativeAttribute.Size, reading.SizeBasis) : null,
            SizeBasis = reading.MaxSizeCm is not null && reading.SizeBasis is { } basis ? Text(basis, NarrativeAttribute.Size, basis) : null,
            Depth = depth is null ? null : Text(depth, NarrativeAttribute.Depth, reading.Depth),
            AssociatedMass = mass is { } m ? Text(m, NarrativeAttribute.AssociatedMass, massCode) : null,
            BoneInvolvement = reading.BoneInvolvement is { } bone ? Text(bone, NarrativeAttribute.BoneInvolvement, bone) : null,
            Locations = reading.Locations.Select(l => Text(l, NarrativeAttribute.Location, l)).ToList(),
            Matrix = reading.Matrix is { } matrix ? Text(matrix, NarrativeAttribute.Matrix, matrix) : null,

            // The reader lists every distribution word; the most systemic one is kept (generalized/bilateral raise suspicion, §4.4).
            Distribution = MostSystemic(reading.Distributions) is { } dist ? Text(dist, NarrativeAttribute.Distribution, dist) : null,
            Change = reading.Change is { } change ? Text(change, NarrativeAttribute.Change, change) : null,
            Growth = reading.Growth is { } growth ? Text(growth, NarrativeAttribute.Growth, growth) : null,
            Mechanism = reading.Mechanisms is [var mech, ..] ? Text(mech, NarrativeAttribute.Mechanism, mech) : null,
        };
    }

    private static readonly string[] DistributionSeverity =
    [
        StcCodes.Distribution.Generalized, StcCodes.Distribution.Bilateral, StcCodes.Distribution.Multifocal,
        StcCodes.Distribution.Regional, StcCodes.Distribution.Solitary,
    ];

    private static string? MostSystemic(IReadOnlyList<string> distributions) =>
        DistributionSeverity.FirstOrDefault(distributions.Contains);

    private static string? SentenceOf(NarrativeReading reading, NarrativeAttribute attribute, string? code) =>
        reading.Facts.FirstOrDefault(f => f.Attribute == attribute && (code is null || f.Code == code))?.Sentence;
}
