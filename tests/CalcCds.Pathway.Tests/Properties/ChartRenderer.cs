using System.Globalization;
using System.Text.Json.Nodes;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Support.Resources;

namespace CalcCds.Pathway.Tests.Properties;

/// <summary>Which units the lab results are written in: the same results, mass units or substance (SI) units.</summary>
public enum LabUnits
{
    Conventional,
    SI,
}

/// <summary>Turns a <see cref="ChartSpec"/> into the FHIR JSON resources of a prefetch, clock at 2026-11-21.</summary>
public static class ChartRenderer
{
    private const string Stc = "http://calccds.org/fhir/CodeSystem/";
    private const string Ucum = "http://unitsofmeasure.org";
    private static readonly DateOnly Today = new(2026, 11, 21);

    /// <summary>Per analyte: conventional LOINC and unit, SI LOINC and unit, and the factor SI → conventional.</summary>
    public static readonly IReadOnlyDictionary<string, (string Loinc, string Unit, string SiLoinc, string SiUnit, decimal Factor)> Analytes =
        new Dictionary<string, (string, string, string, string, decimal)>(StringComparer.Ordinal)
        {
            ["calcium"] = (LabLoinc.CalciumTotalMass, "mg/dL", LabLoinc.CalciumTotalMoles, "mmol/L", 4.008m),
            ["albumin"] = (LabLoinc.Albumin, "g/dL", LabLoinc.Albumin, "g/L", 0.1m),
            ["phosphate"] = (LabLoinc.PhosphateMass, "mg/dL", LabLoinc.PhosphateMoles, "mmol/L", 3.097m),
            ["pth"] = (LabLoinc.PthIntactMass, "pg/mL", LabLoinc.PthIntactMoles, "pmol/L", 9.43m),
            ["vitamin-d"] = (LabLoinc.VitaminD25Total, "ng/mL", LabLoinc.VitaminD25Total, "nmol/L", 0.4006m),
            ["egfr"] = (LabLoinc.EgfrCkdEpi2021, "mL/min/{1.73_m2}", LabLoinc.EgfrCkdEpi2021, "mL/min/{1.73_m2}", 1m),
        };

    public static List<JsonObject> Render(ChartSpec chart, LabUnits units = LabUnits.Conventional)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var resources = new List<JsonObject>();
        if (chart.Age is { } age)
        {
            resources.Add(Patient(Today.AddYears(-age).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        resources.AddRange(chart.Lesions.Select((l, i) => Lesion(l, i)));
        resources.AddRange(chart.Labs.Select((l, i) => Lab(l, i, units)));
        resources.AddRange(chart.Conditions.Select(Condition));
        resources.AddRange(chart.Symptoms.Select(Symptom));
        return resources;
    }

    public static List<JsonObject> DraftOrders(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.DraftOrders.Select((o, i) => new JsonObject
        {
            ["resourceType"] = "ServiceRequest",
            ["id"] = $"draft-{i}",
            ["status"] = "draft",
            ["intent"] = "order",
            ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
            ["code"] = Concept(o.System, o.Code),
            ["bodySite"] = new JsonArray(Site(SnomedCodes.BodySite.LowerLeg, o.Side)),
        }).ToList();
    }

    private static string Date(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? SideCode(string? side) => side switch
    {
        "right" => SnomedCodes.Laterality.Right,
        "left" => SnomedCodes.Laterality.Left,
        _ => null,
    };

    private static string SiteCode(string site) => site switch
    {
        "thigh" => SnomedCodes.BodySite.Thigh,
        "lower leg" => SnomedCodes.BodySite.LowerLeg,
        _ => SnomedCodes.BodySite.Calf,
    };

    private static JsonObject Site(string site, string? side)
    {
        var concept = Concept(FhirSystems.Snomed, site);
        if (SideCode(side) is { } code)
        {
            concept["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = FhirSystems.McodeLateralityExtension,
                ["valueCodeableConcept"] = Concept(FhirSystems.Snomed, code),
            });
        }

        return concept;
    }

    private static JsonObject Lesion(LesionSpec lesion, int index)
    {
        var status = lesion.Preliminary ? "preliminary" : "final";
        var date = Date(10 + index);
        return lesion.Source == FindingSource.Coded
            ? Finding($"finding-{index}", status, date, SiteCode(lesion.Site), SideCode(lesion.Side), components: [.. Components(lesion)])
            : Report(Sentence(lesion), $"report-{index}", status, date);
    }

    private static IEnumerable<JsonObject> Components(LesionSpec l)
    {
        if (l.Pattern is { } pattern)
        {
            yield return Component(StcCodes.Attr.Pattern, Concept(Stc + "stc-pattern", pattern));
        }

        if (l.SizeCm is { } size)
        {
            var quantity = l.SizeInMm
                ? new JsonObject { ["value"] = size * 10, ["unit"] = "mm", ["system"] = Ucum, ["code"] = "mm" }
                : new JsonObject { ["value"] = size, ["unit"] = "cm", ["system"] = Ucum, ["code"] = "cm" };
            yield return new JsonObject { ["code"] = Concept(FhirSystems.Loinc, "33728-7"), ["valueQuantity"] = quantity };
        }

        if (l.SizeBasis is { } basis)
        {
            yield return Component(StcCodes.Attr.SizeBasis, Concept(Stc + "stc-size-basis", basis));
        }

        if (l.Depth is { } depth)
        {
            yield return Component(StcCodes.Attr.Depth, depth switch
            {
                "deep" => Concept(FhirSystems.Snomed, SnomedCodes.Depth.Deep),
                "superficial" => Concept(FhirSystems.Snomed, SnomedCodes.Depth.Superficial),
                _ => Concept(Stc + "stc-depth", StcCodes.Depth.Indeterminate),
            });
        }

        if (l.Mass is { } mass)
        {
            yield return Component(StcCodes.Attr.AssociatedMass, Concept(FhirSystems.Snomed, mass switch
            {
                "present" => SnomedCodes.Presence.Present,
                "absent" => SnomedCodes.Presence.Absent,
                _ => SnomedCodes.Presence.Indeterminate,
            }));
        }

        if (l.Bone is { } bone)
        {
            yield return Component(StcCodes.Attr.BoneInvolvement, Concept(Stc + "stc-bone", bone));
        }

        if (l.Matrix is { } matrix)
        {
            yield return Component(StcCodes.Attr.Matrix, Concept(Stc + "stc-matrix", matrix));
        }

        if (l.Mechanism is { } mechanism)
        {
            yield return Component(StcCodes.Attr.Mechanism, Concept(Stc + "stc-mech", mechanism));
        }

        if (l.Growth is { } growth)
        {
            yield return Component(StcCodes.Attr.Growth, Concept(Stc + "stc-growth", growth));
        }
    }

    /// <summary>The lesion as a radiologist would dictate it, so the narrative reader sees the same descriptors.</summary>
    public static string Sentence(LesionSpec l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var words = new List<string> { "Impression:" };
        if (l.Growth == StcCodes.Growth.Rapid)
        {
            words.Add("rapidly enlarging");
        }

        if (l.SizeCm is { } size)
        {
            words.Add(l.SizeInMm ? $"{(size * 10).ToString("0.#", CultureInfo.InvariantCulture)} mm" : $"{size.ToString("0.#", CultureInfo.InvariantCulture)} cm");
        }

        if (l.Depth is "deep")
        {
            words.Add("deep intramuscular");
        }
        else if (l.Depth is "superficial")
        {
            words.Add("subcutaneous");
        }

        words.Add(l.Mass == "present" ? "soft tissue mass with" : "soft tissue");
        words.Add(l.Pattern is null ? "calcification" : l.Pattern.Replace('-', ' ') + " calcification");
        words.Add($"in the {l.Side ?? string.Empty} {l.Site}".Replace("  ", " ", StringComparison.Ordinal) + ".");
        if (l.Bone is StcCodes.Bone.Destruction)
        {
            words.Add("There is destruction of the adjacent tibial cortex.");
        }
        else if (l.Bone is StcCodes.Bone.None)
        {
            words.Add("No bone involvement.");
        }

        if (l.Mass == "absent")
        {
            words.Add("No soft tissue mass.");
        }

        return string.Join(' ', words);
    }

    private static JsonObject Lab(LabSpec lab, int index, LabUnits units)
    {
        var a = Analytes[lab.Analyte];
        var si = units == LabUnits.SI;
        var value = si ? lab.SiValue : lab.SiValue * a.Factor;
        var quantity = lab.UnknownUnit
            ? new JsonObject { ["value"] = value, ["unit"] = "units" }
            : new JsonObject { ["value"] = value, ["unit"] = si ? a.SiUnit : a.Unit, ["system"] = Ucum, ["code"] = si ? a.SiUnit : a.Unit };
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = $"lab-{index}",
            ["status"] = lab.Status,
            ["category"] = new JsonArray(Concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")),
            ["code"] = Concept(FhirSystems.Loinc, si ? a.SiLoinc : a.Loinc),
            ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
            ["effectiveDateTime"] = Date(lab.DaysAgo),
            ["valueQuantity"] = quantity,
        };
        if (lab.CriticalFlag)
        {
            observation["interpretation"] = new JsonArray(Concept(InterpretationCodes.System, InterpretationCodes.CriticalHigh));
        }

        return observation;
    }

    private static JsonObject Condition(ConditionSpec condition, int index)
    {
        var resource = new JsonObject
        {
            ["resourceType"] = "Condition",
            ["id"] = $"condition-{index}",
            ["code"] = Concept(FhirSystems.Icd10Cm, condition.Icd),
            ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
            ["onsetDateTime"] = Date(condition.OnsetDaysAgo),
        };
        if (condition.Clinical is { } clinical)
        {
            resource["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", clinical);
        }

        if (condition.Verification is { } verification)
        {
            resource["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification);
        }

        return resource;
    }

    private static JsonObject Symptom(SymptomSpec symptom, int index) => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = $"symptom-{index}",
        ["status"] = "final",
        ["category"] = new JsonArray(Concept("http://terminology.hl7.org/CodeSystem/observation-category", "exam")),
        ["code"] = Concept(FhirSystems.Snomed, symptom.Code),
        ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
        ["effectiveDateTime"] = Date(symptom.DaysAgo),
        ["valueBoolean"] = symptom.Present,
    };
}
