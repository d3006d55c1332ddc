using System.Globalization;
using System.Text.RegularExpressions;
using CalcCds.Fhir.Model;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// The biopsy needle gauge of a draft: an <c>orderDetail</c> coded <c>stc-order#needle-gauge</c> (§3.3 "value =
/// integer gauge"). A CodeableConcept has no value element, so the integer is read from the concept's text (e.g.
/// "18" or "18 G"), else from the coding's display. Null when no gauge is ordered or the number cannot be read.
/// </summary>
public static partial class NeedleGauge
{
    public static int? Of(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var detail in request.OrderDetail ?? [])
        {
            var coding = detail.Coding?.FirstOrDefault(c => c.System == StcCodes.Systems.Order && c.Code == StcCodes.Order.NeedleGauge);
            if (coding is null)
            {
                continue;
            }

            foreach (var text in new[] { detail.Text, coding.Display })
            {
                if (text is not null && Number().Match(text) is { Success: true } match
                    && int.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var gauge))
                {
                    return gauge;
                }
            }
        }

        return null;
    }

    /// <summary>True when the draft asks for a gauge at all, readable or not (for "gauge not readable" text).</summary>
    public static bool IsOrdered(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.OrderDetail ?? []).Any(d => d.Has(StcCodes.Systems.Order, StcCodes.Order.NeedleGauge));
    }

    [GeneratedRegex(@"\d{1,2}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Number();
}
