using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
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
        // The R4 dateTime grammar, read position by position (a regex here cost ~1.5 µs and 1 KB per value, and
        // a lab history has hundreds): YYYY(-MM(-DD(Thh:mm:ss(.f+)?(Z|(+|-)hh:mm))?)?)?
        if (value is null || !TryDigits(value, 0, 4, out var year))
        {
            return false;
        }

        var (month, day) = (1, 1);
        var precision = value.Length switch
        {
            4 => FhirDateTimePrecision.Year,
            7 => FhirDateTimePrecision.Month,
            _ => FhirDateTimePrecision.Day,
        };
        if (value.Length > 4 && (value[4] != '-' || !TryDigits(value, 5, 2, out month)))
        {
            return false;
        }

        if (value.Length > 7 && (value[7] != '-' || !TryDigits(value, 8, 2, out day)))
        {
            return false;
        }

        // FHIR's own grammar excludes year 0000; "Dates SHALL be valid dates" excludes 2021-02-30.
        if (year < 1 || month > 12 || month < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (value.Length is 4 or 7 or 10)
        {
            result = new FhirDateTime(value, precision, new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), false);
            return true;
        }

        return TryParseTime(value, year, month, day, out result);
    }

    // The "Thh:mm:ss(.f+)?zone" part after a full date.
    private static bool TryParseTime(string value, int year, int month, int day, [NotNullWhen(true)] out FhirDateTime? result)
    {
        result = null;
        if (value[10] != 'T' || value.Length < 20 || value[13] != ':' || value[16] != ':'
            || !TryDigits(value, 11, 2, out var hour) || !TryDigits(value, 14, 2, out var minute) || !TryDigits(value, 17, 2, out var second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var zoneStart = 19;
        long ticks = 0;
        var hasFraction = value[19] == '.';
        if (hasFraction)
        {
            zoneStart = 20;
            while (zoneStart < value.Length && char.IsAsciiDigit(value[zoneStart]))
            {
                // Seven digits are DateTimeOffset's resolution (100 ns); further digits are kept in Value only.
                if (zoneStart < 27)
                {
                    ticks = (ticks * 10) + (value[zoneStart] - '0');
                }

                zoneStart++;
            }

            if (zoneStart == 20)
            {
                return false;
            }

            for (var scale = Math.Min(zoneStart, 27); scale < 27; scale++)
            {
                ticks *= 10;
            }
        }

        if (!TryOffset(value.AsSpan(zoneStart), out var offset))
        {
            return false;
        }

        try
        {
            // A leap second (:60) is one second after :59.
            var lower = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset)
                .AddSeconds(second == 60 ? 1 : 0)
                .AddTicks(ticks);
            result = new FhirDateTime(value, hasFraction ? FhirDateTimePrecision.FractionOfSecond : FhirDateTimePrecision.Second, lower, true);
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

    // Exactly `count` ASCII digits at `start`.
    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    // "Z" or "(+|-)hh:mm" and nothing after it.
    private static bool TryOffset(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "Z")
        {
            return true;
        }

        if (zone.Length != 6 || zone[0] is not ('+' or '-') || zone[3] != ':'
            || !char.IsAsciiDigit(zone[1]) || !char.IsAsciiDigit(zone[2]) || !char.IsAsciiDigit(zone[4]) || !char.IsAsciiDigit(zone[5]))
        {
            return false;
        }

        var hours = ((zone[1] - '0') * 10) + (zone[2] - '0');
        var minutes = ((zone[4] - '0') * 10) + (zone[5] - '0');
        // FHIR allows -14:00..+14:00 (hours 00-13 with any minutes, or exactly 14:00).
        if (minutes > 59 || hours > 14 || (hours == 14 && minutes != 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        offset = zone[0] == '-' ? -offset : offset;
        return true;
    }
}
