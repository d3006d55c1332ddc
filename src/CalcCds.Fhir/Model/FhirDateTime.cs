using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Model;

/// <summary>
/// A FHIR <c>date</c>, <c>dateTime</c> or <c>instant</c>. Keeps the original text (so it round-trips
/// exactly, partial dates included) and exposes the period it denotes.
/// </summary>
/// <remarks>
/// One type serves all three FHIR types, so it accepts the union (the dateTime grammar): an
/// <c>instant</c> given only as a date is accepted, not rejected.
/// </remarks>
[JsonConverter(typeof(FhirDateTimeJsonConverter))]
public sealed partial record FhirDateTime
{
    private FhirDateTime(string value, FhirDateTimePrecision precision, DateTimeOffset lowerBound, bool hasOffset)
    {
        Value = value;
        Precision = precision;
        LowerBound = lowerBound;
        HasTimeZone = hasOffset;
    }

    /// <summary>The text exactly as written in FHIR JSON.</summary>
    public string Value { get; }

    public FhirDateTimePrecision Precision { get; }

    /// <summary>Start of the denoted period. Date-only and partial values start at UTC midnight.</summary>
    public DateTimeOffset LowerBound { get; }

    /// <summary>Exclusive end of the denoted period (2020-03 ends at 2020-04-01T00:00Z).</summary>
    public DateTimeOffset UpperBound => Precision switch
    {
        FhirDateTimePrecision.Year => LowerBound.AddYears(1),
        FhirDateTimePrecision.Month => LowerBound.AddMonths(1),
        FhirDateTimePrecision.Day => LowerBound.AddDays(1),
        FhirDateTimePrecision.Second => LowerBound.AddSeconds(1),
        _ => LowerBound.AddTicks(1),
    };

    /// <summary>True when a time (and therefore, in FHIR, a time zone) was given.</summary>
    public bool HasTimeZone { get; }

    /// <summary>Parses a FHIR date/dateTime/instant.</summary>
    /// <exception cref="FormatException">Not a valid FHIR dateTime.</exception>
    public static FhirDateTime Parse(string value) =>
        TryParse(value, out var result) ? result : throw new FormatException($"'{value}' is not a valid FHIR dateTime");

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out FhirDateTime? result)
    {
        result = null;
        if (value is null)
        {
            return false;
        }

        var match = Grammar().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var year = Number(match, "y");
        var month = match.Groups["mo"].Success ? Number(match, "mo") : 1;
        var day = match.Groups["d"].Success ? Number(match, "d") : 1;
        // FHIR's own grammar excludes year 0000; "Dates SHALL be valid dates" excludes 2021-02-30.
        if (year < 1 || month > 12 || month < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (!match.Groups["h"].Success)
        {
            var precision = match.Groups["d"].Success ? FhirDateTimePrecision.Day
                : match.Groups["mo"].Success ? FhirDateTimePrecision.Month
                : FhirDateTimePrecision.Year;
            result = new FhirDateTime(value, precision, new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), false);
            return true;
        }

        var (hour, minute, second) = (Number(match, "h"), Number(match, "mi"), Number(match, "s"));
        if (hour > 23 || minute > 59 || second > 60 || !TryOffset(match.Groups["tz"].Value, out var offset))
        {
            return false;
        }

        var fraction = match.Groups["f"];
        // Seven digits are DateTimeOffset's resolution (100 ns); further digits are kept in Value only.
        var ticks = fraction.Success
            ? long.Parse(fraction.Value.PadRight(7, '0')[..7], NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
        try
        {
            // A leap second (:60) is one second after :59.
            var lower = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset)
                .AddSeconds(second == 60 ? 1 : 0)
                .AddTicks(ticks);
            var precision = fraction.Success ? FhirDateTimePrecision.FractionOfSecond : FhirDateTimePrecision.Second;
            result = new FhirDateTime(value, precision, lower, true);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // 0001-01-01T00:00:00+05:00 is before DateTimeOffset.MinValue in UTC.
            return false;
        }
    }

    /// <summary>A dateTime with second precision (millisecond when present), e.g. for authoredOn.</summary>
    public static FhirDateTime FromDateTimeOffset(DateTimeOffset value)
    {
        var format = value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff";
        var zone = value.Offset == TimeSpan.Zero ? "Z" : value.ToString("zzz", CultureInfo.InvariantCulture);
        return Parse(value.ToString(format, CultureInfo.InvariantCulture) + zone);
    }

    /// <summary>A FHIR date (day precision).</summary>
    public static FhirDateTime FromDate(DateOnly value) =>
        Parse(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The original text.</summary>
    public override string ToString() => Value;

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool TryOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone == "Z")
        {
            return true;
        }

        var hours = int.Parse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var minutes = int.Parse(zone.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        // FHIR allows -14:00..+14:00 (hours 00-13 with any minutes, or exactly 14:00).
        if (minutes > 59 || hours > 14 || (hours == 14 && minutes != 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        offset = zone[0] == '-' ? -offset : offset;
        return true;
    }

    // The R4 dateTime grammar with named parts; ranges are checked in code for clearer rules.
    [GeneratedRegex(
        @"^(?<y>[0-9]{4})(-(?<mo>[0-9]{2})(-(?<d>[0-9]{2})(T(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(\.(?<f>[0-9]+))?(?<tz>Z|[+-][0-9]{2}:[0-9]{2}))?)?)?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Grammar();
}
