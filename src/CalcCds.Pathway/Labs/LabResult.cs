using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CalcCds.Fhir.Model;
using CalcCds.Pathway.Picture;

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

    /// <summary>The Observation the result was read from.</summary>
    public required Observation Source { get; init; }

    /// <summary>
    /// <c>Observation/abc</c>. Written out on each use, like <see cref="Original"/>: of the many labs read per request,
    /// only the few a card or a data-quality note describes ever need it.
    /// </summary>
    public string Reference => Source.Ref();

    public required string Loinc { get; init; }

    /// <summary>Collection time: effective[x], or issued when effective[x] is missing (§7.2).</summary>
    public required DateTimeOffset When { get; init; }

    /// <summary>The date as FHIR wrote it, for card text.</summary>
    public required string Date { get; init; }

    public bool DateFromIssued { get; init; }

    public bool IsPreliminary { get; init; }

    public LabValue? Value { get; init; }

    /// <summary>
    /// The value and unit as the lab sent them, for card text ("2.9 mmol/L"), or the text value. Written out on each
    /// use rather than when the lab is read: only the few results a card describes ever need it.
    /// </summary>
    public string? Original => ReportedQuantity is { Value: { } number } quantity
        ? string.Create(CultureInfo.InvariantCulture, $"{quantity.Comparator}{number} {quantity.Unit ?? quantity.Code ?? "no unit"}")
        : ReportedText;

    /// <summary>The valueQuantity as sent (see <see cref="Original"/>).</summary>
    public Quantity? ReportedQuantity { get; init; }

    /// <summary>The valueString as sent, shown when there is no numeric valueQuantity.</summary>
    public string? ReportedText { get; init; }

    public decimal? Low { get; init; }

    public decimal? High { get; init; }

    public RangeSource RangeSource { get; init; }

    /// <summary>The v3-ObservationInterpretation codes (H, HH, L, LL, N, A, AA).</summary>
    public IReadOnlySet<string> Flags { get; init; } = FrozenSet<string>.Empty;

    public AnalyteInfo Info => AnalyteInfo.Of(Analyte);

    public bool HasValue => Value is not null;

    /// <summary>Final (not preliminary) with a comparable value: the results that drive decisions (§7.3.1, §7.4).</summary>
    public bool IsQualifying => !IsPreliminary && HasValue;

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
        // Every lab card lists its results this way, several times per request: one interpolation into a pooled
        // buffer, no intermediate strings for the value, range and flag parts.
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        WriteDescription(ref text);
        return text.ToStringAndClear();
    }

    /// <summary>Appends <see cref="Describe"/>'s text to a card detail without making a string of it first.</summary>
    public void AppendDescription(StringBuilder detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        WriteDescription(ref text);
        detail.Append(text.Text);
        text.Clear();
    }

    /// <summary>Writes <see cref="Describe"/>'s text into a line being built.</summary>
    internal void WriteDescription(ref DefaultInterpolatedStringHandler text)
    {
        var info = Info;
        var original = Original;
        text.AppendFormatted(info.Name);
        text.AppendLiteral(" ");
        if (Value is null)
        {
            text.AppendFormatted(original ?? "value not usable");
            text.AppendLiteral(" (not compared)");
        }
        else
        {
            Value.WriteTo(ref text);
            text.AppendLiteral(" ");
            text.AppendFormatted(info.CanonicalUnit);
            if (original is not null && !EndsWithUnit(original, info.CanonicalUnit))
            {
                text.AppendLiteral(" (reported ");
                text.AppendFormatted(original);
                text.AppendLiteral(")");
            }
        }

        if (Low is not null || High is not null)
        {
            text.AppendLiteral(", reference ");
            AppendLimit(ref text, Low);
            text.AppendLiteral("–");
            AppendLimit(ref text, High);
            if (RangeSource == RangeSource.Fallback)
            {
                text.AppendLiteral(" (default adult range: lab range not supplied)");
            }
        }

        if (Flags.Count > 0)
        {
            text.AppendLiteral(", flag ");
            text.AppendFormatted(Flags.Count == 1 ? Flags.First() : string.Join('/', Flags.Order(StringComparer.Ordinal)));
        }

        // Reference's text, written in place.
        text.AppendLiteral(" (");
        text.AppendFormatted(Source.ResourceType);
        text.AppendLiteral("/");
        text.AppendFormatted(Source.Id ?? "(no id)");
        text.AppendLiteral(", ");
        text.AppendFormatted(Date);
        if (DateFromIssued)
        {
            text.AppendLiteral(" (issued; no collection time)");
        }

        if (IsPreliminary)
        {
            text.AppendLiteral(", preliminary");
        }

        text.AppendLiteral(")");
    }

    /// <summary>"2.9 mmol/L" ends with " mmol/L": the lab's own unit is the canonical one.</summary>
    private static bool EndsWithUnit(string original, string unit) =>
        original.Length > unit.Length && original.AsSpan().EndsWith(unit, StringComparison.Ordinal) && original[^(unit.Length + 1)] == ' ';

    private static void AppendLimit(ref DefaultInterpolatedStringHandler text, decimal? limit)
    {
        if (limit is { } value)
        {
            text.AppendFormatted(value, "0.##");
        }
        else
        {
            text.AppendLiteral("?");
        }
    }
}
