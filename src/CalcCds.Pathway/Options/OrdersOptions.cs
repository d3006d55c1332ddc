using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CalcCds.Pathway.Options;

/// <summary>Order-entry parameters (order-select / order-sign rules O01–O09). Bound from <c>CalcCds:Pathway:Orders</c>.</summary>
public sealed class OrdersOptions
{
    /// <summary><c>EXCISIONAL_MAX_CM</c>: excisional biopsy is acceptable only for superficial lesions below this size (S3 "&lt;3cm").</summary>
    [Range(typeof(decimal), "0.5", "20")]
    public decimal ExcisionalMaxCm { get; set; } = 3.0m;

    /// <summary>One line per parameter in force, shown in discovery.</summary>
    public IEnumerable<string> Describe()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"EXCISIONAL_MAX_CM={ExcisionalMaxCm}");
    }
}
