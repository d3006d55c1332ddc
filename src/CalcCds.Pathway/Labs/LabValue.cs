using System.Globalization;
using System.Runtime.CompilerServices;

namespace CalcCds.Pathway.Labs;

/// <summary>The comparator of a <c>valueQuantity</c> (§7.1).</summary>
public enum Comparator
{
    None,
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,
}

/// <summary>
/// A lab value in its analyte's canonical unit, with its comparator. Threshold questions answer true, false, or
/// null when a comparator makes them indeterminate (§7.1: "<c>&gt;X</c> exceeds every threshold ≤ X; <c>&lt;X</c> is
/// below every threshold ≥ X; otherwise it is indeterminate, and the result is treated as missing for that threshold").
/// </summary>
public sealed record LabValue(decimal Value, Comparator Comparator = Comparator.None)
{
    public static Comparator ParseComparator(string? comparator) => comparator switch
    {
        null or "" => Comparator.None,
        "<" => Comparator.LessThan,
        "<=" => Comparator.LessOrEqual,
        ">" => Comparator.GreaterThan,
        ">=" => Comparator.GreaterOrEqual,
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "Not a FHIR quantity comparator"),
    };

    public static bool IsComparator(string? comparator) => comparator is null or "" or "<" or "<=" or ">" or ">=";

    /// <summary>Is the true value above the threshold (<c>&gt;</c>, or <c>&gt;=</c> when inclusive)?</summary>
    public bool? IsAbove(decimal threshold, bool inclusive = false) => Comparator switch
    {
        Comparator.None => inclusive ? Value >= threshold : Value > threshold,
        Comparator.GreaterThan => Value >= threshold ? true : null,
        Comparator.GreaterOrEqual => (inclusive ? Value >= threshold : Value > threshold) ? true : null,
        Comparator.LessThan => Value <= threshold ? false : null,
        Comparator.LessOrEqual => (inclusive ? Value < threshold : Value <= threshold) ? false : null,
        _ => null,
    };

    /// <summary>Is the true value below the threshold (<c>&lt;</c>, or <c>&lt;=</c> when inclusive)?</summary>
    public bool? IsBelow(decimal threshold, bool inclusive = false)
    {
        // Below (exclusive) is "not above-or-equal"; below-or-equal is "not above".
        var above = IsAbove(threshold, inclusive: !inclusive);
        return above is null ? null : !above.Value;
    }

    /// <summary>The value multiplied into another unit, comparator kept (factors are positive).</summary>
    public LabValue Scale(decimal factor) => this with { Value = Value * factor };

    public override string ToString() => Prefix + decimal.Round(Value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="ToString"/>'s text into a line being built, without making a string of it.</summary>
    internal void WriteTo(ref DefaultInterpolatedStringHandler text)
    {
        text.AppendLiteral(Prefix);
        text.AppendFormatted(decimal.Round(Value, 2), "0.##");
    }

    private string Prefix => Comparator switch
    {
        Comparator.LessThan => "<",
        Comparator.LessOrEqual => "≤",
        Comparator.GreaterThan => ">",
        Comparator.GreaterOrEqual => "≥",
        _ => string.Empty,
    };
}
