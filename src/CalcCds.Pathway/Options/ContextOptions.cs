using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CalcCds.Pathway.Options;

/// <summary>Clinical-context parameters (§4.7, §8), e.g. VASC_AGE. Bound from <c>CalcCds:Pathway:Context</c>.</summary>
public sealed class ContextOptions
{
    /// <summary><c>VASC_AGE</c>: age from which arterial calcification is read in a vascular-risk context (§8, design).</summary>
    [Range(18, 120)]
    public int VascAgeYears { get; set; } = 50;

    /// <summary>One line per parameter in force, shown in discovery.</summary>
    public IEnumerable<string> Describe()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"VASC_AGE={VascAgeYears}");
    }
}
