using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CalcCds.Pathway.Options;

/// <summary>Lesion and red-flag parameters (§4.5, §4.6, §8): size thresholds, growth, sarcoma centres. Bound from <c>CalcCds:Pathway:Lesion</c>.</summary>
public sealed class LesionOptions
{
    /// <summary><c>SIZE_RED_FLAG_CM</c>: a red-flag-eligible lesion at or above this size is a red flag (Product decision 3: <c>&gt;= 5.0 cm</c>).</summary>
    [Range(typeof(decimal), "0.5", "50")]
    public decimal SizeRedFlagCm { get; set; } = 5.0m;

    /// <summary>One line per parameter in force, shown in discovery.</summary>
    public IEnumerable<string> Describe()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"SIZE_RED_FLAG_CM={SizeRedFlagCm}");
    }
}
