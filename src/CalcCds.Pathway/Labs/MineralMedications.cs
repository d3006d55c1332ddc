using CalcCds.Fhir.Model;
using CalcCds.Pathway.Picture;

namespace CalcCds.Pathway.Labs;

/// <summary>What a medication means for the systemic work-up (§2.4, §4.4 d, §7.2).</summary>
public enum MineralDrugKind
{
    ActiveVitaminD,
    NutritionalVitaminD,
    CalciumSalt,
    Calcimimetic,
}

/// <summary>A MedicationRequest read as a mineral-metabolism drug, with its provenance.</summary>
public sealed record MineralMedication(MineralDrugKind Kind, string Ingredient, MedicationRequest Request, bool HighDose)
{
    public string Describe() =>
        $"- {Ingredient}{(HighDose ? " (high dose)" : string.Empty)} ({Request.Ref()}, {Request.AuthoredOn?.Value ?? "date not recorded"}, {Request.Status})";
}

/// <summary>
/// Reads MedicationRequests by ingredient name. §2.4 marks the RxCUIs [U] ("resolve with RxNav; don't hard-code from
/// this document"), so ingredients are matched on the medication's text and coding displays.
/// </summary>
public static class MineralMedications
{
    private static readonly (string Name, MineralDrugKind Kind)[] Ingredients =
    [
        ("calcitriol", MineralDrugKind.ActiveVitaminD),
        ("paricalcitol", MineralDrugKind.ActiveVitaminD),
        ("calcifediol", MineralDrugKind.ActiveVitaminD),
        ("alfacalcidol", MineralDrugKind.ActiveVitaminD),
        ("doxercalciferol", MineralDrugKind.ActiveVitaminD),
        ("cholecalciferol", MineralDrugKind.NutritionalVitaminD),
        ("ergocalciferol", MineralDrugKind.NutritionalVitaminD),
        ("calcium carbonate", MineralDrugKind.CalciumSalt),
        ("calcium acetate", MineralDrugKind.CalciumSalt),
        ("calcium gluconate", MineralDrugKind.CalciumSalt),
        ("cinacalcet", MineralDrugKind.Calcimimetic),
        ("etelcalcetide", MineralDrugKind.Calcimimetic),
    ];

    private static readonly HashSet<string> ActiveStatuses = new(StringComparer.Ordinal) { "active", "on-hold" };

    /// <summary>Every recognised mineral drug request that is not cancelled or entered in error (for start/stop events).</summary>
    public static IReadOnlyList<MineralMedication> Read(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var result = new List<MineralMedication>();
        foreach (var request in picture.Prefetch.Resources<MedicationRequest>(PrefetchKeys.MedicationRequests))
        {
            if (request.Status is "cancelled" or "entered-in-error" || request.DoNotPerform == true)
            {
                continue;
            }

            var names = string.Join(' ', new[] { request.MedicationCodeableConcept?.Text, request.MedicationReference?.Display }
                .Concat(request.MedicationCodeableConcept?.Coding?.Select(c => c.Display) ?? [])
                .OfType<string>());
            foreach (var (name, kind) in Ingredients)
            {
                if (names.Contains(name, StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(new MineralMedication(kind, name, request, HighDose(request, picture.Options.Labs.HighDoseVitaminDIu)));
                    break;
                }
            }
        }

        return result;
    }

    public static bool IsActive(MineralMedication medication)
    {
        ArgumentNullException.ThrowIfNull(medication);
        return medication.Request.Status is { } status && ActiveStatuses.Contains(status);
    }

    /// <summary>
    /// §4.4 (d) counts "high-dose" cholecalciferol/ergocalciferol only; the dose is read from doseQuantity in IU.
    /// Without a readable dose the drug does not count as high-dose.
    /// </summary>
    private static bool HighDose(MedicationRequest request, int threshold) =>
        (request.DosageInstruction ?? [])
            .SelectMany(d => d.DoseAndRate ?? [])
            .Select(r => r.DoseQuantity)
            .Any(q => q?.Value is { } value && IsInternationalUnit(q) && value >= threshold);

    private static bool IsInternationalUnit(Quantity quantity) =>
        quantity.Code is "[iU]" or "[IU]" || string.Equals(quantity.Unit, "IU", StringComparison.OrdinalIgnoreCase)
        || string.Equals(quantity.Unit, "[iU]", StringComparison.OrdinalIgnoreCase)
        || string.Equals(quantity.Unit, "international unit", StringComparison.OrdinalIgnoreCase);
}
