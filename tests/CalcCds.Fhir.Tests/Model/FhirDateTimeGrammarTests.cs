using System.Globalization;
using System.Text.RegularExpressions;
using CalcCds.Fhir.Model;

namespace CalcCds.Fhir.Tests.Model;

/// <summary>
/// FhirDateTime's hand-written scanner against an independent reading of the R4 dateTime rules: the regular
/// expression of the specification (http://hl7.org/fhir/R4/datatypes.html#dateTime) plus calendar validity through
/// the BCL. Every one-character edit (replace, delete, insert) of a set of valid values must be judged alike.
/// </summary>
public sealed partial class FhirDateTimeGrammarTests
{
    private static readonly string[] Seeds =
    [
        "2020", "2020-03", "2020-02-29", "2021-02-28", "2020-03-15T10:20:30Z", "2020-03-15T10:20:30+01:00",
        "2015-02-07T13:28:17.239+02:00", "2016-12-31T23:59:60Z", "2020-03-15T10:20:30.1234567890-05:00",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999-14:00", "2020-03-15T10:20:30+14:00",
    ];

    private const string Alphabet = "0123456789-:T.Z+ x\u0663";

    [Fact]
    public void Every_one_character_edit_of_valid_values_is_judged_as_the_specification_does()
    {
        var checkedCount = 0;
        foreach (var candidate in Seeds.SelectMany(Edits).Distinct(StringComparer.Ordinal))
        {
            var expected = Reference(candidate);
            var parsed = FhirDateTime.TryParse(candidate, out var actual);

            Assert.True(expected is not null == parsed, $"'{candidate}': expected {(expected is null ? "rejected" : "accepted")}");
            if (expected is not null)
            {
                Assert.Equal(expected.Value.Precision, actual!.Precision);
                Assert.Equal(expected.Value.Lower, actual.LowerBound);
                Assert.Equal(candidate, actual.Value);
            }

            checkedCount++;
        }

        Assert.True(checkedCount > 4000, $"only {checkedCount} candidates");
    }

    private static IEnumerable<string> Edits(string seed)
    {
        yield return seed;
        for (var i = 0; i < seed.Length; i++)
        {
            yield return seed.Remove(i, 1);
            foreach (var c in Alphabet)
            {
                yield return string.Concat(seed.AsSpan(0, i), c.ToString(), seed.AsSpan(i + 1));
                yield return seed.Insert(i, c.ToString());
            }
        }

        foreach (var c in Alphabet)
        {
            yield return seed + c;
        }
    }

    // The specification's regex for syntax; the BCL for calendar and range rules.
    private static (FhirDateTimePrecision Precision, DateTimeOffset Lower)? Reference(string text)
    {
        var match = SpecGrammar().Match(text);
        if (!match.Success || Int(match, "y") < 1)
        {
            return null;
        }

        var (year, month, day) = (Int(match, "y"), Part(match, "mo", 1), Part(match, "d", 1));
        if (!DateTime.TryParseExact($"{year:D4}-{month:D2}-{day:D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return null;
        }

        if (!match.Groups["h"].Success)
        {
            var precision = match.Groups["d"].Success ? FhirDateTimePrecision.Day
                : match.Groups["mo"].Success ? FhirDateTimePrecision.Month : FhirDateTimePrecision.Year;
            return (precision, new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));
        }

        var zone = match.Groups["tz"].Value;
        var offset = TimeSpan.Zero;
        if (zone != "Z" && !TimeSpan.TryParseExact(zone[1..], @"hh\:mm", CultureInfo.InvariantCulture, out offset))
        {
            return null;
        }

        var (hour, minute, second) = (Int(match, "h"), Int(match, "mi"), Int(match, "s"));
        offset = zone.StartsWith('-') ? -offset : offset;
        if (hour > 23 || minute > 59 || second > 60 || offset.Duration() > TimeSpan.FromHours(14))
        {
            return null;
        }

        var fraction = match.Groups["f"].Success ? match.Groups["f"].Value : "";
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        try
        {
            var lower = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset)
                .AddSeconds(second == 60 ? 1 : 0).AddTicks(ticks);
            return (fraction.Length > 0 ? FhirDateTimePrecision.FractionOfSecond : FhirDateTimePrecision.Second, lower);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Part(Match match, string group, int absent) => match.Groups[group].Success ? Int(match, group) : absent;

    [GeneratedRegex(
        @"^(?<y>[0-9]{4})(-(?<mo>[0-9]{2})(-(?<d>[0-9]{2})(T(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(\.(?<f>[0-9]+))?(?<tz>Z|[+-][0-9]{2}:[0-9]{2}))?)?)?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SpecGrammar();
}
