using CalcCds.Fhir.Model;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Picture;

/// <summary>The depth values of <see cref="IndexFinding.Depth"/>, whatever code system the input used.</summary>
public static class DepthValue
{
    public const string Superficial = "superficial";
    public const string Deep = "deep";
    public const string Indeterminate = StcCodes.Depth.Indeterminate;
}

/// <summary>
/// Reads an STC-Finding Observation (clinical-pathway.md §3.1–§3.2) into an <see cref="IndexFinding"/>: the R00a gate
/// of §1.4 (status, value Present, lower-limb site, look-back) and the coded descriptors of its components.
/// </summary>
internal static class CodedFinding
{
    private const string LateralityAttribute = "272741003";

    public static IndexFinding? Read(Observation observation, DateTimeOffset since)
    {
        if (!observation.Code.Has(StcCodes.Systems.Stc, StcCodes.Finding.SoftTissueCalcification)
            || !PatientPictureBuilder.IsUsable(observation.Status, out var preliminary)
            || !observation.ValueCodeableConcept.Has(SnomedCodes.System, SnomedCodes.Presence.Present))
        {
            return null;
        }

        var site = observation.BodySite.CodeIn(SnomedCodes.System);
        var when = observation.When();
        if (site is null || !LowerLimb.Sites.Contains(site) || when is null || when.LowerBound < since)
        {
            return null;
        }

        var reference = observation.Ref();
        var date = when.Value;
        Fact<T> Coded<T>(T value) => new(value, FactOrigin.Coded, reference, date);

        var components = observation.Component ?? [];
        ObservationComponent? Component(string code)
        {
            // Asked for a dozen attributes per finding: a plain scan rather than a closure per question.
            for (var i = 0; i < components.Count; i++)
            {
                if (components[i].Code.Has(StcCodes.Systems.Attr, code))
                {
                    return components[i];
                }
            }

            return null;
        }

        // The patterns and locations in component order (locations once each), and the first size component.
        var patterns = new List<Fact<string>>();
        var locations = new List<Fact<string>>();
        ObservationComponent? size = null;
        for (var i = 0; i < components.Count; i++)
        {
            var component = components[i];
            if (component.Code.Has(StcCodes.Systems.Attr, StcCodes.Attr.Pattern)
                && component.ValueCodeableConcept.CodeIn(StcCodes.Systems.Pattern) is { } pattern)
            {
                patterns.Add(Coded(pattern));
            }

            if (component.Code.Has(StcCodes.Systems.Attr, StcCodes.Attr.Location)
                && component.ValueCodeableConcept.CodeIn(StcCodes.Systems.Location) is { } location
                && !HasValue(locations, location))
            {
                locations.Add(Coded(location));
            }

            if (size is null
                && (component.Code.Has(StcCodes.Systems.Attr, StcCodes.Attr.LesionMaxDimension) || component.Code.Has(FhirSystems.Loinc, Loinc.TumorMaxDimension)))
            {
                size = component;
            }
        }

        var sizeCm = SizeInCm(size?.ValueQuantity);
        var sizeBasis = Component(StcCodes.Attr.SizeBasis)?.ValueCodeableConcept.CodeIn(StcCodes.Systems.SizeBasis);
        var mass = Presence(Component(StcCodes.Attr.AssociatedMass)?.ValueCodeableConcept);
        var bone = Component(StcCodes.Attr.BoneInvolvement)?.ValueCodeableConcept.CodeIn(StcCodes.Systems.Bone);
        var pain = Component(StcCodes.Attr.Pain)?.ValueBoolean;
        var painUnexplained = Component(StcCodes.Attr.PainUnexplained)?.ValueBoolean;
        Fact<string>? CodedValue(string attribute, string system) =>
            Component(attribute)?.ValueCodeableConcept.CodeIn(system) is { } code ? Coded(code) : null;

        return new IndexFinding
        {
            Reference = reference,
            Origin = FactOrigin.Coded,
            Date = date,
            When = when.LowerBound,
            IsPreliminary = preliminary,
            BodySite = Coded(site),
            Laterality = ReadLaterality(observation) is { } side ? Coded(side) : null,
            Patterns = patterns,
            SizeCm = sizeCm is { } cm ? Coded(cm) : null,
            SizeBasis = sizeBasis is null ? null : Coded(sizeBasis),
            Depth = Depth(Component(StcCodes.Attr.Depth)?.ValueCodeableConcept) is { } depth ? Coded(depth) : null,
            AssociatedMass = mass is { } m ? Coded(m) : null,
            BoneInvolvement = bone is null ? null : Coded(bone),
            Pain = pain is { } p ? Coded(p) : null,
            PainUnexplained = painUnexplained is { } u ? Coded(u) : null,
            Locations = locations,
            Matrix = CodedValue(StcCodes.Attr.Matrix, StcCodes.Systems.Matrix),
            Distribution = CodedValue(StcCodes.Attr.Distribution, StcCodes.Systems.Distribution),
            Change = CodedValue(StcCodes.Attr.Change, SnomedCodes.System),
            Growth = CodedValue(StcCodes.Attr.Growth, StcCodes.Systems.Growth),
            Mechanism = CodedValue(StcCodes.Attr.Mechanism, StcCodes.Systems.Mechanism),
        };
    }

    private static bool HasValue(List<Fact<string>> facts, string value)
    {
        foreach (var fact in facts)
        {
            if (string.Equals(fact.Value, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Size in cm from a UCUM cm or mm quantity; any other unit is not converted and not used (§7.1).</summary>
    internal static decimal? SizeInCm(Quantity? quantity)
    {
        if (quantity?.Value is not { } value || value <= 0)
        {
            return null;
        }

        var unit = quantity.Code ?? quantity.Unit;
        return unit switch
        {
            "cm" => value,
            "mm" => value / 10m,
            _ => null,
        };
    }

    private static string? Depth(CodeableConcept? value)
    {
        if (value.Has(SnomedCodes.System, SnomedCodes.Depth.Deep))
        {
            return DepthValue.Deep;
        }

        if (value.Has(SnomedCodes.System, SnomedCodes.Depth.Superficial))
        {
            return DepthValue.Superficial;
        }

        return value.Has(StcCodes.Systems.Depth, StcCodes.Depth.Indeterminate) ? DepthValue.Indeterminate : null;
    }

    private static Presence? Presence(CodeableConcept? value) => value.CodeIn(SnomedCodes.System) switch
    {
        SnomedCodes.Presence.Present => Picture.Presence.Present,
        SnomedCodes.Presence.Absent => Picture.Presence.Absent,
        SnomedCodes.Presence.Indeterminate or SnomedCodes.Presence.Unknown => Picture.Presence.Indeterminate,
        _ => null,
    };

    private static Laterality? ReadLaterality(Observation observation)
    {
        var qualifier = observation.BodySite?.Extension?
            .FirstOrDefault(e => e.Url == FhirSystems.McodeLateralityExtension)?.ValueCodeableConcept
            ?? observation.Component?.FirstOrDefault(c => c.Code.Has(SnomedCodes.System, LateralityAttribute))?.ValueCodeableConcept;
        return qualifier.CodeIn(SnomedCodes.System) switch
        {
            SnomedCodes.Laterality.Right => Laterality.Right,
            SnomedCodes.Laterality.Left => Laterality.Left,
            SnomedCodes.Laterality.Bilateral => Laterality.Bilateral,
            _ => null,
        };
    }
}
