using System.Text.Json;
using System.Text.Json.Nodes;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;
using CalcCds.Hooks.Evaluation;
using CalcCds.Hooks.Prefetch;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using Microsoft.Extensions.Logging.Abstractions;

namespace CalcCds.Pathway.Tests.Support;

/// <summary>Builds patient pictures from FHIR JSON the way the service does, with the clock at the samples' date.</summary>
public static class Pictures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A patient-view invocation whose prefetch holds <paramref name="resources"/>, each under the key its
    /// type and category would be searched by.</summary>
    public static HookInvocation Invocation(
        IEnumerable<JsonObject> resources, string hook = HookDefinitions.PatientView, PathwayOptions? options = null, string patientId = "p1",
        IEnumerable<JsonObject>? draftOrders = null)
    {
        var byKey = new Dictionary<string, List<Resource>>(StringComparer.Ordinal);
        foreach (var json in resources)
        {
            var resource = FhirJson.Parse<Resource>(json.ToJsonString());
            var key = KeyFor(resource);
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }

            list.Add(resource);
        }

        var values = byKey.ToDictionary(
            kv => kv.Key,
            kv => new PrefetchValue(kv.Key == PrefetchKeys.Patient ? kv.Value[0] : Searchset(kv.Value), PrefetchSource.Request),
            StringComparer.Ordinal);
        var context = new JsonObject { ["userId"] = "Practitioner/dr", ["patientId"] = patientId };
        if (hook != HookDefinitions.PatientView)
        {
            context["draftOrders"] = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "collection",
                ["entry"] = new JsonArray((draftOrders ?? []).Select(o => (JsonNode)new JsonObject { ["resource"] = o.DeepClone() }).ToArray()),
            };
            context["selections"] = new JsonArray();
        }

        var request = CdsRequestReader.Read(
            JsonDocument.Parse(new JsonObject { ["hook"] = hook, ["hookInstance"] = "test-hook-instance", ["context"] = context }.ToJsonString()),
            hook);
        var catalog = new PathwayServices(Microsoft.Extensions.Options.Options.Create(options ?? new PathwayOptions()));
        var service = catalog.Services.First(s => s.Hook == hook);
        return new HookInvocation(service, request, new PrefetchSet(values));
    }

    public static PatientPicture Build(params JsonObject[] resources) => Build(resources, null);

    public static PatientPicture Build(IEnumerable<JsonObject> resources, PathwayOptions? options)
    {
        var invocation = Invocation(resources, options: options);
        return Builder(options).Build(invocation);
    }

    public static PatientPictureBuilder Builder(PathwayOptions? options = null) =>
        new(new FixedClock(Now), Microsoft.Extensions.Options.Options.Create(options ?? new PathwayOptions()), NullLogger<PatientPictureBuilder>.Instance);

    private static Bundle Searchset(List<Resource> resources) => new()
    {
        Type = "searchset",
        Total = resources.Count,
        Entry = resources.Select(r => new BundleEntry { Resource = r }).ToList(),
    };

    private static string KeyFor(Resource resource) => resource switch
    {
        Patient => PrefetchKeys.Patient,
        Condition => PrefetchKeys.Conditions,
        DiagnosticReport => PrefetchKeys.RadiologyReports,
        ImagingStudy => PrefetchKeys.ImagingStudies,
        ServiceRequest => PrefetchKeys.ServiceRequests,
        Procedure => PrefetchKeys.Procedures,
        MedicationRequest => PrefetchKeys.MedicationRequests,
        Encounter => PrefetchKeys.Encounters,
        Observation o when HasCategory(o, "laboratory") => PrefetchKeys.Labs,
        Observation o when HasCategory(o, "imaging") => PrefetchKeys.ImagingObservations,
        Observation => PrefetchKeys.Symptoms,
        _ => resource.ResourceType,
    };

    private static bool HasCategory(Observation observation, string code) =>
        observation.Category?.Any(c => c.Coding?.Any(x => x.Code == code) == true) == true;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
