using System.Globalization;
using CalcCds.Pathway.Options;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Lesion;

/// <summary>Growth computed from two coded measurements of the same lesion (§4.6): the earlier and later size.</summary>
public sealed record ComputedGrowth(string Growth, Fact<decimal> Earlier, Fact<decimal> Later, decimal RiseCm, int Days)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"size rose from {Earlier.Value:0.##} cm ({Earlier.Reference}, {Earlier.Date}) to {Later.Value:0.##} cm ({Later.Reference}, {Later.Date}) in {Days} days (computed, §4.6)");
}

/// <summary>
/// §4.6: two qualifying coded measurements (same laterality and site, same size basis); growth = increased when the
/// largest dimension rose by ≥ GROWTH_PCT and ≥ GROWTH_ABS_CM, rapid when that happened within RAPID_MONTHS. Text
/// sizes are not used: a computed red flag should rest on measurements, and an asserted value wins anyway.
/// </summary>
internal static class GrowthComputation
{
    public static ComputedGrowth? Compute(IReadOnlyList<LesionReport> reports, LesionOptions options)
    {
        var measured = reports
            .Select(r => r.Finding)
            .Where(f => f.Origin == FactOrigin.Coded && f.SizeCm is not null && f.When is not null
                && f.SizeBasis is { } basis && basis.Value != StcCodes.SizeBasis.Unknown)
            .OrderBy(f => f.When)
            .ToList();
        if (measured.Count < 2)
        {
            return null;
        }

        var latest = measured[^1];
        ComputedGrowth? best = null;
        foreach (var earlier in measured.Take(measured.Count - 1).Where(e => e.SizeBasis!.Value == latest.SizeBasis!.Value && e.When < latest.When))
        {
            var rise = latest.SizeCm!.Value - earlier.SizeCm!.Value;
            if (rise < options.GrowthAbsoluteCm || rise * 100m < earlier.SizeCm.Value * options.GrowthPercent)
            {
                continue;
            }

            var rapid = latest.When <= earlier.When!.Value.AddMonths(options.RapidGrowthMonths);
            var days = (int)(latest.When!.Value - earlier.When.Value).TotalDays;
            var growth = new ComputedGrowth(rapid ? StcCodes.Growth.Rapid : StcCodes.Growth.Increased, earlier.SizeCm, latest.SizeCm, rise, days);
            if (best is null || (rapid && best.Growth != StcCodes.Growth.Rapid))
            {
                best = growth;
            }
        }

        return best;
    }
}
