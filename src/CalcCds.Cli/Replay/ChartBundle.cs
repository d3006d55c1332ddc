using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CalcCds.FhirEndpoint;

namespace CalcCds.Cli.Replay;

/// <summary>A patient found in a chart file: its id and a human label (name, birth date) for the report.</summary>
internal sealed record ChartPatient(string Id, string Label);

/// <summary>
/// One input file, read and checked: its resources with ids assigned and <c>urn:uuid</c> references rewritten to
/// <c>Type/id</c> (so the loopback endpoint can search by patient), and the patients it holds.
/// </summary>
internal sealed partial record ChartBundle(string File, IReadOnlyList<JsonObject> Resources, IReadOnlyList<ChartPatient> Patients)
{
    /// <summary>Reads a Bundle of any type or a single resource. Throws <see cref="InputProblemException"/> with a
    /// message fit for the user when the file cannot be replayed.</summary>
    public static ChartBundle Load(string file, long maxBytes)
    {
        var size = new FileInfo(file).Length;
        if (size > maxBytes)
        {
            throw new InputProblemException(string.Create(CultureInfo.InvariantCulture,
                $"{size / 1048576.0:0.0} MB is larger than the {maxBytes / 1048576.0:0.#} MB limit (raise it with --max-bundle-mb); not read"));
        }

        JsonNode? root;
        try
        {
            using var stream = System.IO.File.OpenRead(file);
            root = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            throw new InputProblemException($"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        if (root is not JsonObject resource)
        {
            throw new InputProblemException($"not a FHIR resource: the JSON document is {Describe(root)}, not an object");
        }

        var type = FhirJson.ResourceTypeOf(resource)
            ?? throw new InputProblemException("not a FHIR resource: no \"resourceType\"");

        IReadOnlyList<JsonObject> resources;
        if (type == "Bundle")
        {
            CheckEntries(resource);
            resources = FhirBundles.ExtractResources(resource);
        }
        else
        {
            var copy = resource.DeepClone().AsObject();
            copy["id"] ??= Guid.NewGuid().ToString();
            resources = [copy];
        }

        var patients = resources
            .Where(r => FhirJson.ResourceTypeOf(r) == "Patient")
            .Select(p => new ChartPatient((string)p["id"]!, LabelOf(p)))
            .ToList();
        if (patients.Count == 0)
        {
            throw new InputProblemException(type == "Bundle"
                ? "no Patient resource in the Bundle; a replay needs the patient whose chart it is"
                : $"a single {type} resource, not a Patient; give a Bundle that holds the patient too");
        }

        var broken = BrokenReferences(resources, patients).Take(4).ToList();
        if (broken.Count > 0)
        {
            throw new InputProblemException("broken references (nothing in the file answers them): " + string.Join(", ", broken));
        }

        return new ChartBundle(file, resources, patients);
    }

    /// <summary>ServiceRequests with status draft for the patient: the orders being selected or signed.</summary>
    public IReadOnlyList<JsonObject> DraftOrdersFor(string patientId) =>
        [.. Resources.Where(r => FhirJson.ResourceTypeOf(r) == "ServiceRequest"
            && (string?)r["status"] == "draft"
            && ((string?)r["subject"]?["reference"] is not { } subject || subject == "Patient/" + patientId))];

    private static void CheckEntries(JsonObject bundle)
    {
        var index = 0;
        foreach (var entry in bundle["entry"] as JsonArray ?? [])
        {
            if (entry?["resource"] is JsonObject r && FhirJson.ResourceTypeOf(r) is null)
            {
                throw new InputProblemException($"not FHIR: Bundle.entry[{index}].resource has no \"resourceType\"");
            }

            index++;
        }
    }

    /// <summary>
    /// References that must resolve inside the file but do not: <c>urn:uuid</c>/<c>urn:oid</c> ones (they only have
    /// meaning within the bundle) and references to a Patient the file does not hold (the data would belong to
    /// someone else). References to practitioners, organisations or conditional references are external by design.
    /// </summary>
    private static IEnumerable<string> BrokenReferences(IReadOnlyList<JsonObject> resources, IReadOnlyList<ChartPatient> patients)
    {
        var patientIds = patients.Select(p => "Patient/" + p.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            foreach (var reference in References(resource))
            {
                var broken = reference.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
                    || (PatientReference().IsMatch(reference) && !patientIds.Contains(reference));
                if (broken && seen.Add(reference))
                {
                    yield return $"{reference} (from {FhirJson.ResourceTypeOf(resource)}/{(string?)resource["id"]})";
                }
            }
        }
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["reference"] is JsonValue v && v.TryGetValue<string>(out var reference))
                {
                    yield return reference;
                }

                foreach (var (name, child) in obj)
                {
                    // Contained resources resolve among themselves; skip them rather than misjudge "#id" links.
                    if (name == "contained")
                    {
                        continue;
                    }

                    foreach (var r in References(child))
                    {
                        yield return r;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var r in References(item))
                    {
                        yield return r;
                    }
                }

                break;
            default:
                break;
        }
    }

    private static string LabelOf(JsonObject patient)
    {
        var name = patient["name"]?.AsArray().FirstOrDefault() as JsonObject;
        var text = (string?)name?["text"];
        if (string.IsNullOrWhiteSpace(text) && name is not null)
        {
            var given = (name["given"] as JsonArray)?.Select(g => (string?)g) ?? [];
            text = string.Join(' ', given.Append((string?)name["family"]).Where(s => !string.IsNullOrWhiteSpace(s)));
        }

        var id = "Patient/" + (string?)patient["id"];
        var born = (string?)patient["birthDate"];
        var who = string.IsNullOrWhiteSpace(text) ? id : $"{text} ({id})";
        return born is null ? who : $"{who}, born {born}";
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonValue v => "a " + v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "something else",
    };

    [GeneratedRegex("^Patient/[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex PatientReference();
}

/// <summary>A problem with one input file, worded for the user; the run goes on with the other files.</summary>
internal sealed class InputProblemException(string message) : Exception(message);
