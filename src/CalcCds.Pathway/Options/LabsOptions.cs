using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CalcCds.Pathway.Options;

/// <summary>Laboratory, renal and systemic parameters (§4.1–§4.4, §7.1–§7.2, §8). Bound from <c>CalcCds:Pathway:Labs</c>.</summary>
public sealed class LabsOptions
{
    /// <summary><c>CAXP_HIGH</c>: Ca×P product (mg²/dL²) at or above which it supports systemic suspicion (KDOQI 2003 Guideline 6.5).</summary>
    [Range(typeof(decimal), "20", "200")]
    public decimal CaxpHigh { get; set; } = 55m;

    /// <summary>One line per parameter in force, shown in discovery.</summary>
    public IEnumerable<string> Describe()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"CAXP_HIGH={CaxpHigh}");
    }
}
