using System.Globalization;

namespace CalcCds.Pathway.Labs;

/// <summary>Where the reference interval of a result came from (§4: lab range first, §2.2 fallback otherwise).</summary>
public enum RangeSource
{
    Lab,
    Fallback,
    None,
}

/// <summary>
/// One laboratory result the pathway can use: status-filtered (§7.4), converted to the canonical unit (§7.1), with
/// its reference interval and interpretation flags. <see cref="Value"/> is null when the value cannot be compared
/// (unknown unit, string value, data absent): such a result is listed as present but never compared.
/// </summary>
public sealed record LabResult
{
    public required Analyte Analyte { get; init; }

    /// <summary><c>Observation/abc</c>.</summary>
    public required string Reference { get; init; }

    public required string Loinc { get; init; }

    /// <summary>Collection time: effective[x], or issued when effective[x] is missing (§7.2).</summary>
    public required DateTimeOffset When { get; init; }

    /// <summary>The date as FHIR wrote it, for card text.</summary>
    public required string Date { get; init; }

    public bool DateFromIssued { get; init; }

    public bool IsPreliminary { get; init; }

    public LabValue? Value { get; init; }

    /// <summary>The value and unit as the lab sent them, for card text ("2.9 mmol/L").</summary>
    public string? Original { get; init; }

    public decimal? Low { get; init; }

    public decimal? High { get; init; }

    public RangeSource RangeSource { get; init; }

    /// <summary>The v3-ObservationInterpretation codes (H, HH, L, LL, N, A, AA).</summary>
    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>();

    public AnalyteInfo Info => AnalyteInfo.Of(Analyte);

    public bool HasValue => Value is not null;

    public bool FlaggedHigh => Flags.Contains("H") || Flags.Contains("HH");

    public bool FlaggedCriticalHigh => Flags.Contains("HH");

    /// <summary>
    /// Above the upper reference limit: an H/HH flag from the lab, or the value above the lab's upper limit (or the
    /// §2.2 fallback when the lab gave neither a range nor a flag). Null when indeterminate or uncomparable.
    /// </summary>
    public bool? IsHigh
    {
        get
        {
            if (FlaggedHigh)
            {
                return true;
            }

            // A lab that flagged the value normal or low without a range has judged it against its own range.
            if (RangeSource != RangeSource.Lab && Flags.Count > 0)
            {
                return false;
            }

            return Value is null || High is null ? null : Value.IsAbove(High.Value);
        }
    }

    /// <summary>"calcium (total) 11.2 mg/dL (Observation/abc, 2026-10-02, preliminary)".</summary>
    public string Describe()
    {
        var value = Value is null ? $"{Original ?? "value not usable"} (not compared)" : $"{Value} {Info.CanonicalUnit}";
        if (Value is not null && Original is not null && !Original.EndsWith(" " + Info.CanonicalUnit, StringComparison.Ordinal))
        {
            value += $" (reported {Original})";
        }

        var range = (Low, High) switch
        {
            (null, null) => string.Empty,
            _ => string.Create(CultureInfo.InvariantCulture, $", reference {Low?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?"}–{High?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?"}{(RangeSource == RangeSource.Fallback ? " (default adult range: lab range not supplied)" : string.Empty)}"),
        };
        var flags = Flags.Count == 0 ? string.Empty : $", flag {string.Join('/', Flags.Order(StringComparer.Ordinal))}";
        var status = IsPreliminary ? ", preliminary" : string.Empty;
        var issued = DateFromIssued ? " (issued; no collection time)" : string.Empty;
        return $"{Info.Name} {value}{range}{flags} ({Reference}, {Date}{issued}{status})";
    }
}
