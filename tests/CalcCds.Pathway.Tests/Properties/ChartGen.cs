using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Terminology;
using FsCheck;
using FsCheck.Fluent;

namespace CalcCds.Pathway.Tests.Properties;

/// <summary>FsCheck generators of random but valid charts (descriptors may be missing, statuses are any FHIR value).</summary>
public static class ChartGen
{
    public static readonly string[] Patterns =
    [
        .. typeof(StcCodes.Pattern).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
    ];

    private static readonly string[] Bones = [.. typeof(StcCodes.Bone).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
    private static readonly string[] Matrices = [.. typeof(StcCodes.Matrix).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
    private static readonly string[] Mechanisms = [.. typeof(StcCodes.Mechanism).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
    private static readonly string[] Growths = [.. typeof(StcCodes.Growth).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>Problem-list codes that touch the rules: trauma, CKD/dialysis, sarcoma, lipoma, autoimmune, diabetes, DVT,
    /// paraplegia, hypercalcaemia, leg ulcer.</summary>
    public static readonly string[] ConditionCodes =
        ["S80.11XA", "S80.12XA", "N18.6", "N18.31", "C49.21", "D17.23", "M33.90", "E11.9", "I82.401", "G82.20", "E83.52", "L97.221"];

    public static readonly string[] SarcomaCodes = ["C49.21"];

    private static readonly string?[] ClinicalStatuses = ["active", "recurrence", "relapse", "inactive", "remission", "resolved", null];
    private static readonly string?[] VerificationStatuses = ["confirmed", "provisional", "differential", "unconfirmed", "refuted", "entered-in-error", null];
    private static readonly string[] LabStatuses = ["final", "final", "amended", "corrected", "preliminary", "entered-in-error", "cancelled"];

    private static Gen<T?> OrNone<T>(Gen<T> gen)
        where T : class => Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(x => (T?)x)));

    private static Gen<decimal?> OrNone(Gen<decimal> gen) => Gen.Frequency((1, Gen.Constant<decimal?>(null)), (3, gen.Select(x => (decimal?)x)));

    private static Gen<string?> OneOrNone(params string[] values) => OrNone(Gen.Elements(values));

    public static Gen<decimal> Size { get; } = Gen.Choose(2, 120).Select(n => n / 10m);

    public static Gen<LesionSpec> Lesion(bool allowPreliminary = true) =>
        from source in Gen.Elements(FindingSource.Coded, FindingSource.Narrative)
        from preliminary in allowPreliminary ? Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))) : Gen.Constant(false)
        from side in OneOrNone("right", "left")
        from site in Gen.Elements("calf", "thigh", "lower leg")
        from pattern in OneOrNone(Patterns)
        from size in OrNone(Size)
        from mm in Gen.Elements(false, true)
        from basis in OneOrNone(StcCodes.SizeBasis.Mass, StcCodes.SizeBasis.CalcificationExtent)
        from depth in OneOrNone("deep", "superficial", "indeterminate")
        from mass in OneOrNone("present", "absent", "indeterminate")
        from bone in OneOrNone(Bones)
        from matrix in OneOrNone(Matrices)
        from mechanism in OneOrNone(Mechanisms)
        from growth in OneOrNone(Growths)
        select new LesionSpec(source, preliminary, side, site, pattern, size, mm, basis, depth, mass, bone, matrix, mechanism, growth);

    /// <summary>SI values on a 2-decimal grid, so that the conventional value (SI × factor) is exact.</summary>
    public static Gen<decimal> SiValue(string analyte) => analyte switch
    {
        "calcium" => Gen.Choose(150, 400).Select(n => n / 100m),
        "albumin" => Gen.Choose(15, 55).Select(n => (decimal)n),
        "phosphate" => Gen.Choose(40, 320).Select(n => n / 100m),
        "pth" => Gen.Choose(5, 900).Select(n => n / 10m),
        "vitamin-d" => Gen.Choose(20, 500).Select(n => (decimal)n),
        _ => Gen.Choose(4, 120).Select(n => (decimal)n),
    };

    public static Gen<LabSpec> Lab { get; } =
        from analyte in Gen.Elements(ChartRenderer.Analytes.Keys.ToArray())
        from value in SiValue(analyte)
        from status in Gen.Elements(LabStatuses)
        from days in Gen.Choose(0, 400)
        from unknownUnit in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
        from critical in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new LabSpec(analyte, value, status, days, unknownUnit, critical);

    public static Gen<ConditionSpec> Condition(string[] codes) =>
        from icd in Gen.Elements(codes)
        from clinical in Gen.Elements(ClinicalStatuses)
        from verification in Gen.Elements(VerificationStatuses)
        from days in Gen.Choose(1, 8000)
        select new ConditionSpec(icd, clinical, verification, days);

    public static Gen<SymptomSpec> Symptom { get; } =
        from code in Gen.Elements(SymptomCodes.All.ToArray())
        from present in Gen.Elements(true, false)
        from days in Gen.Choose(0, 200)
        select new SymptomSpec(code, present, days);

    public static Gen<OrderSpec> Order { get; } =
        from order in Gen.Elements(
            (FhirSystems.Loinc, LesionOrderCodes.Mri.LowerLeg), (FhirSystems.Loinc, LesionOrderCodes.Ultrasound.Right), (FhirSystems.Loinc, LesionOrderCodes.Ct.LowerExtremityWithout),
            (FhirSystems.Loinc, LesionOrderCodes.Radiograph.TibiaFibula), (FhirSystems.Loinc, LabLoinc.CalciumTotalMass), (FhirSystems.Loinc, LabLoinc.PhosphateMass),
            (FhirSystems.Cpt, LesionOrderCodes.Mri.CptWithoutAndWith))
        from side in OneOrNone("right", "left")
        select new OrderSpec(order.Item1, order.Item2, side);

    /// <summary>Any chart: any hook, zero to two lesions, labs in any status and unit, conditions in any status.</summary>
    public static Gen<ChartSpec> Chart(string[]? conditionCodes = null) =>
        from hook in Gen.Frequency((6, Gen.Constant(HookDefinitions.PatientView)), (1, Gen.Constant(HookDefinitions.OrderSelect)), (1, Gen.Constant(HookDefinitions.OrderSign)))
        from age in Gen.Frequency((1, Gen.Constant<int?>(null)), (6, Gen.Choose(5, 95).Select(a => (int?)a)))
        from lesions in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Lesion(), n))
        from labs in Gen.Choose(0, 8).SelectMany(n => Gen.ListOf(Lab, n))
        from conditions in Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Condition(conditionCodes ?? ConditionCodes), n))
        from symptoms in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Symptom, n))
        from orders in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Order, n))
        select new ChartSpec(hook, age, lesions.ToList(), labs.ToList(), conditions.ToList(), symptoms.ToList(), orders.ToList());
}
