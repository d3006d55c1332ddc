using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;
using static CalcCds.Pathway.Tests.Lesion.LesionPictures;

namespace CalcCds.Pathway.Tests.Lesion;

public sealed class GrowthAndMergeTests
{
    internal static Observation CodedObservation(string id, string date, decimal sizeCm, string depthCode, string? studyRef = null)
    {
        var derived = studyRef is null ? string.Empty : "\"derivedFrom\":[{\"reference\":\"" + studyRef + "\"}],";
        return FhirJson.Parse<Observation>($$$"""
        {"resourceType":"Observation","id":"{{{id}}}","status":"final",
         "code":{"coding":[{"system":"http://calccds.org/fhir/CodeSystem/stc","code":"soft-tissue-calcification"}]},
         "effectiveDateTime":"{{{date}}}",
         "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"52101004"}]},
         "bodySite":{"coding":[{"system":"http://snomed.info/sct","code":"53840002"}],
           "extension":[{"url":"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"24028007"}]}}]},
         {{{derived}}}
         "component":[
          {"code":{"coding":[{"system":"http://calccds.org/fhir/CodeSystem/stc-attr","code":"pattern"}]},"valueCodeableConcept":{"coding":[{"system":"http://calccds.org/fhir/CodeSystem/stc-pattern","code":"nonspecific"}]}},
          {"code":{"coding":[{"system":"http://loinc.org","code":"33728-7"}]},"valueQuantity":{"value":{{{sizeCm.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},"unit":"cm","system":"http://unitsofmeasure.org","code":"cm"}},
          {"code":{"coding":[{"system":"http://calccds.org/fhir/CodeSystem/stc-attr","code":"size-basis"}]},"valueCodeableConcept":{"coding":[{"system":"http://calccds.org/fhir/CodeSystem/stc-size-basis","code":"mass"}]}},
          {"code":{"coding":[{"system":"http://calccds.org/fhir/CodeSystem/stc-attr","code":"depth"}]},"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"{{{depthCode}}}"}]}},
          {"code":{"coding":[{"system":"http://calccds.org/fhir/CodeSystem/stc-attr","code":"associated-mass"}]},"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"52101004"}]}}
         ]}
        """);
    }

    [Fact]
    public void TwoMeasurementsWithinThreeMonthsGiveRapidGrowth()
    {
        var index = Finding("Observation/late", "2026-11-01") with { SizeCm = Coded(3.0m, "Observation/late"), SizeBasis = Coded(StcCodes.SizeBasis.Mass, "Observation/late"), AssociatedMass = Coded(Presence.Present) };
        var picture = Build(index, imagingObservations:
            [CodedObservation("early", "2026-09-15", 2.0m, SnomedCodes.Depth.Superficial), CodedObservation("late", "2026-11-01", 3.0m, SnomedCodes.Depth.Superficial)]);
        var lesion = picture.Lesions.Single();
        Assert.Equal(StcCodes.Growth.Rapid, lesion.ComputedGrowth?.Growth);
        Assert.True(lesion.RapidGrowth.IsTrue);
    }

    [Fact]
    public void SmallRiseIsNotGrowth()
    {
        var index = Finding("Observation/late", "2026-11-01");
        var picture = Build(index, imagingObservations:
            [CodedObservation("early", "2026-09-15", 2.0m, SnomedCodes.Depth.Superficial), CodedObservation("late", "2026-11-01", 2.3m, SnomedCodes.Depth.Superficial)]);
        Assert.Null(picture.Lesions.Single().ComputedGrowth);
    }

    [Fact]
    public void MriSizeAndDepthOverrideTheRadiograph()
    {
        var index = Finding("Observation/xr", "2026-11-01");
        var picture = Build(index,
            imagingStudies: [Study("mr1", "MR", "2026-11-10")],
            imagingObservations: [CodedObservation("xr", "2026-11-01", 4.0m, SnomedCodes.Depth.Deep), CodedObservation("mr", "2026-10-20", 4.5m, SnomedCodes.Depth.Deep, "ImagingStudy/mr1")]);
        Assert.Equal(4.5m, picture.Lesions.Single().Finding.SizeCm?.Value);
    }

    [Fact]
    public void ReportsOnBothSidesOfFiveCentimetresConflictAndTheLargerIsUsed()
    {
        var index = Finding("Observation/xr", "2026-11-01");
        var picture = Build(index,
            imagingStudies: [Study("mr1", "MR", "2026-11-10")],
            imagingObservations: [CodedObservation("xr", "2026-11-01", 5.5m, SnomedCodes.Depth.Deep), CodedObservation("mr", "2026-10-20", 4.5m, SnomedCodes.Depth.Superficial, "ImagingStudy/mr1")]);
        var lesion = picture.Lesions.Single();
        Assert.Equal(5.5m, lesion.Finding.SizeCm?.Value);
        Assert.Equal(DepthValue.Deep, lesion.Finding.Depth?.Value);
        Assert.Contains(lesion.Conflicts, c => c.Descriptor == "size");
        Assert.Contains(lesion.Conflicts, c => c.Descriptor == "depth");
    }
}
