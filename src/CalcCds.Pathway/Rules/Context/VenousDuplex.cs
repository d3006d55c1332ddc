using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>The duplex venous ultrasound of §2.5 (R17, R18): side-specific LOINC, unilateral or bilateral CPT.</summary>
internal static class VenousDuplex
{
    public static OrderCode For(Laterality? side) => side switch
    {
        Laterality.Right => new(ContextOrderCodes.VenousDuplex.LoincRight, "Lower extremity vein - right US.doppler", ContextOrderCodes.VenousDuplex.CptUnilateral, Unilateral),
        Laterality.Left => new(ContextOrderCodes.VenousDuplex.LoincLeft, "Lower extremity vein - left US.doppler", ContextOrderCodes.VenousDuplex.CptUnilateral, Unilateral),
        Laterality.Bilateral => new(ContextOrderCodes.VenousDuplex.LoincBilateral, "Lower extremity vein - bilateral US.doppler", ContextOrderCodes.VenousDuplex.CptBilateral, "Duplex scan of extremity veins; complete bilateral study"),
        _ => new(ContextOrderCodes.VenousDuplex.LoincUnspecified, "Lower extremity vein US.doppler", ContextOrderCodes.VenousDuplex.CptUnilateral, Unilateral),
    };

    public static bool RecentlyOrdered(PatientPicture picture, double days, Laterality? side) =>
        ContextOrders.RecentlyOrdered(picture, ContextOrderCodes.VenousDuplex.AllLoinc, ContextOrderCodes.VenousDuplex.AllCpt, days, side);

    private const string Unilateral = "Duplex scan of extremity veins; unilateral or limited study";
}
