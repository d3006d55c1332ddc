using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CalcCds.Pathway.Options;

/// <summary>Clinical-context parameters (§4.7, §8), e.g. VASC_AGE. Bound from <c>CalcCds:Pathway:Context</c>.</summary>
public sealed class ContextOptions : IValidatableObject
{
    /// <summary><c>VASC_AGE</c>: age from which arterial calcification is read in a vascular-risk context (§8, design).</summary>
    [Range(18, 120)]
    public int VascAgeYears { get; set; } = 50;

    /// <summary><c>MO_FOLLOWUP_WEEKS</c> lower bound: earliest short-interval radiograph after a recent injury (R12, §8).</summary>
    [Range(1, 26)]
    public int MoFollowupWeeksMin { get; set; } = 3;

    /// <summary><c>MO_FOLLOWUP_WEEKS</c> upper bound (R12, §8).</summary>
    [Range(1, 26)]
    public int MoFollowupWeeksMax { get; set; } = 6;

    /// <summary>R12: an injury this recent may still show an immature myositis ossificans (S4: 4–8 weeks).</summary>
    [Range(1, 52)]
    public int RecentInjuryWeeks { get; set; } = 8;

    /// <summary>One line per parameter in force, shown in discovery.</summary>
    public IEnumerable<string> Describe()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"VASC_AGE={VascAgeYears}");
        yield return string.Create(CultureInfo.InvariantCulture, $"MO_FOLLOWUP_WEEKS={MoFollowupWeeksMin}-{MoFollowupWeeksMax}");
        yield return string.Create(CultureInfo.InvariantCulture, $"MO_RECENT_INJURY_WEEKS={RecentInjuryWeeks}");
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MoFollowupWeeksMin > MoFollowupWeeksMax)
        {
            yield return new ValidationResult("MO_FOLLOWUP_WEEKS: the minimum must not exceed the maximum.", [nameof(MoFollowupWeeksMin), nameof(MoFollowupWeeksMax)]);
        }
    }
}
