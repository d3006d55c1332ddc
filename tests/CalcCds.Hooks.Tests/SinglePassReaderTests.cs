using System.Text;
using System.Text.Json;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;
using CalcCds.Hooks.Protocol;
using CalcCds.Hooks.Services;

namespace CalcCds.Hooks.Tests;

/// <summary>
/// The service call's reader (<see cref="CdsRequestReader.Read(ReadOnlySpan{byte}, CdsServiceDefinition, int)"/>)
/// reads the prefetch in the same pass as the body. It must give what the document path gives: the same envelope, the
/// same resources, the same errors.
/// </summary>
public sealed class SinglePassReaderTests
{
    private const int MaxDepth = 64;

    public static TheoryData<string> Requests()
    {
        var files = Directory.GetFiles(RepoPaths.Samples, "*.json").Where(f => !f.EndsWith(".expect.json", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(RepoPaths.CdsHooksExamples, "*.json"))
            .Append(Path.Combine(RepoPaths.Root, "bench", "fixtures", "patient-view-100k.json"));
        if (RepoPaths.SharedDataAvailable)
        {
            files = files.Concat(Directory.GetFiles(Path.Combine(RepoPaths.SharedData, "cds-hooks"), "*.json", SearchOption.AllDirectories)
                .Where(f => File.ReadAllText(f).Contains("\"hookInstance\"", StringComparison.Ordinal)));
        }

        var data = new TheoryData<string>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void EveryRequestReadsAsTheDocumentPathReadsIt(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, file));
        using var probe = JsonDocument.Parse(bytes);
        if (!probe.RootElement.TryGetProperty("hook", out var hookValue) || hookValue.GetString() is not { } hook)
        {
            return; // not a service call (a discovery document or a feedback body)
        }

        var keys = probe.RootElement.TryGetProperty("prefetch", out var sent) && sent.ValueKind == JsonValueKind.Object
            ? sent.EnumerateObject().Select(p => p.Name).ToArray()
            : [];
        var service = Service(hook, keys);

        var (single, singleError) = Attempt(() => CdsRequestReader.Read(bytes, service, MaxDepth));
        var (document, documentError) = Attempt(() => CdsRequestReader.Read(JsonDocument.Parse(bytes), hook));
        using (single)
        using (document)
        {
            Assert.Equal(documentError, singleError);
            if (single is null || document is null)
            {
                return;
            }

            Assert.Equal(document.HookInstance, single.HookInstance);
            Assert.Equal(document.FhirServer, single.FhirServer);
            Assert.Equal(document.FhirAuthorization, single.FhirAuthorization);
            Assert.Equal(document.Context.Primitives.OrderBy(p => p.Key), single.Context.Primitives.OrderBy(p => p.Key));
            Assert.Equal(Json(document.Context.DraftOrders), Json(single.Context.DraftOrders));
            foreach (var key in keys)
            {
                Assert.Equal(DocumentPathValue(document, key), SinglePassValue(single, key));
            }
        }
    }

    [Theory]
    [InlineData("bench/fixtures/patient-view-100k.json")]
    [InlineData("cds-hooks/patient-view.json")]
    [InlineData("cds-hooks/order-sign.json")]
    public void EditedBodiesReadAsTheDocumentPathReadsThem(string file)
    {
        // One-character edits (delete, duplicate, replace with JSON punctuation) at random places: each yields valid
        // or invalid JSON, valid or invalid FHIR, and the two paths must agree on every one.
        var original = File.ReadAllBytes(Path.Combine(RepoPaths.Root, file));
        using var probe = JsonDocument.Parse(original);
        var hook = probe.RootElement.GetProperty("hook").GetString()!;
        var keys = probe.RootElement.TryGetProperty("prefetch", out var sent) && sent.ValueKind == JsonValueKind.Object
            ? sent.EnumerateObject().Select(p => p.Name).ToArray()
            : [];
        var service = Service(hook, keys);
        var random = new Random(20261122);
        byte[] replacements = "{}[]\":,0n "u8.ToArray();
        for (var i = 0; i < 300; i++)
        {
            var at = random.Next(original.Length);
            byte[] edited = (i % 3) switch
            {
                0 => [.. original.AsSpan(0, at), .. original.AsSpan(at + 1)],
                1 => [.. original.AsSpan(0, at + 1), .. original.AsSpan(at)],
                _ => [.. original.AsSpan(0, at), replacements[random.Next(replacements.Length)], .. original.AsSpan(at + 1)],
            };

            var (single, singleError) = Attempt(() => CdsRequestReader.Read(edited, service, MaxDepth));
            (CdsRequest? Request, string? Error) document;
            try
            {
                document = Attempt(() => CdsRequestReader.Read(JsonDocument.Parse(edited, new JsonDocumentOptions { MaxDepth = MaxDepth }), hook));
            }
            catch (JsonException e)
            {
                document = (null, Describe(CdsRequestReader.InvalidJson(e, edited.Length == 0)));
            }

            using (single)
            using (document.Request)
            {
                Assert.Equal(document.Error, singleError);
                foreach (var key in keys)
                {
                    Assert.Equal(
                        document.Request is null || !document.Request.Prefetch.ContainsKey(key) ? "absent" : DocumentPathValue(document.Request, key),
                        single is null || !single.ReadPrefetch.ContainsKey(key) ? "absent" : SinglePassValue(single, key));
                }
            }
        }
    }

    [Fact]
    public void OnlyTheKeysTheServiceAsksForAreRead()
    {
        var body = Body("""{ "patient": { "resourceType": "Patient", "id": "p1" }, "extra": { "resourceType": "NoSuchType" } }""");

        using var request = CdsRequestReader.Read(body, Service("patient-view", ["patient"]), MaxDepth);

        Assert.Equal("p1", Assert.IsType<Patient>(request.ReadPrefetch["patient"].Resource).Id);
        Assert.False(request.ReadPrefetch.ContainsKey("extra"));
    }

    [Fact]
    public void AValueThatIsNotFhirCarriesTheSameReasonAsTheDocumentPath()
    {
        const string Observation = """{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "effectiveDateTime": "2024-13-45" }""";
        var body = Body($$"""{ "labs": {{Observation}} }""");

        using var request = CdsRequestReader.Read(body, Service("patient-view", ["labs"]), MaxDepth);

        var read = request.ReadPrefetch["labs"];
        Assert.Null(read.Resource);
        var expected = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Resource>(Observation)).Message;
        Assert.Equal(expected, read.Error);
    }

    [Theory]
    [InlineData("""{ "hook": "patient-view", "hook": "order-sign", "hookInstance": "h", "context": { "userId": "u", "patientId": "p" } }""")]
    [InlineData("""{ "hook": "patient-view", "hookInstance": "h", "context": { "userId": "u", "patientId": "p" }, "prefetch": { "patient": 42 } }""")]
    [InlineData("""{ "hook": "patient-view", "hookInstance": "h", "context": { "userId": "u", "patientId": "p" }, "prefetch": [] }""")]
    [InlineData("""{ "hook": "patient-view", "hookInstance": "h", "context": { "userId": "u", "patientId": "p" }, "prefetch": { "patient": { "resourceType": "Patient" } } } trailing""")]
    [InlineData("""{ "hook": "patient-view", "hookInstance": "h", "context": { "userId": "u", "patientId": "p" }, "prefetch": { "patient": { "resourceType": "Patient", "id": """)]
    [InlineData("""{ "hook": "patient-view", "hookInstance": "h", "context": { "userId": "u" }, "prefetch": { "patient": { "resourceType": "Patient" } } }""")]
    [InlineData("""{ "hook": "patient-view", "hookInstance": 7, "context": { "userId": "u", "patientId": "p" } }""")]
    [InlineData("""{ "h\u006fok": "patient-view", "hookInstance": "h", "context": { "userId": "u", "patientId": "p" } }""")]
    [InlineData("""[ "not", "an", "object" ]""")]
    [InlineData("")]
    [InlineData("   ")]
    public void AnUnusualOrInvalidBodyGetsTheDocumentPathsAnswer(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var service = Service("patient-view", ["patient"]);

        var (single, singleError) = Attempt(() => CdsRequestReader.Read(bytes, service, MaxDepth));
        using var disposeSingle = single;

        (CdsRequest? Request, string? Error) document;
        try
        {
            document = Attempt(() => CdsRequestReader.Read(JsonDocument.Parse(bytes), "patient-view"));
        }
        catch (JsonException e)
        {
            // The HTTP layer's words for a body that is not JSON.
            document = (null, Describe(CdsRequestReader.InvalidJson(e, bytes.Length == 0)));
        }

        using var disposeDocument = document.Request;
        Assert.Equal(document.Error, singleError);
        Assert.Equal(document.Request?.Hook, single?.Hook);
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsRefusedAsInvalidJson()
    {
        var deep = string.Concat(Enumerable.Repeat("""{ "a": """, 80)) + "1" + new string('}', 80);
        var body = Body($$"""{ "patient": { "resourceType": "Patient", "id": "p1", "extension": [ {{deep}} ] } }""");

        var refused = Assert.Throws<CdsRequestException>(() => CdsRequestReader.Read(body, Service("patient-view", ["patient"]), MaxDepth));

        Assert.Equal("structure", Assert.Single(refused.Issues).Code);
        Assert.Contains("depth", refused.Issues[0].Diagnostics, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AByteOrderMarkIsAcceptedAsTheStreamParserAcceptsIt()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Body("""{ "patient": { "resourceType": "Patient", "id": "p1" } }""")];

        using var request = CdsRequestReader.Read(body, Service("patient-view", ["patient"]), MaxDepth);

        Assert.Equal("h1", request.HookInstance);
        Assert.IsType<Patient>(request.ReadPrefetch["patient"].Resource);
    }

    [Fact]
    public void TheRequestDoesNotDependOnTheBodyBytesAfterReading()
    {
        var body = Body("""{ "patient": { "resourceType": "Patient", "id": "p1" } }""");

        using var request = CdsRequestReader.Read(body, Service("patient-view", ["patient"]), MaxDepth);
        Array.Clear(body); // the caller returns its pooled buffer

        Assert.Equal("h1", request.HookInstance);
        Assert.Equal("p", request.Context.PatientId);
        Assert.Equal("p1", request.ReadPrefetch["patient"].Resource!.Id);
    }

    private static byte[] Body(string prefetch) => Encoding.UTF8.GetBytes(
        $$"""{ "hook": "patient-view", "hookInstance": "h1", "context": { "userId": "Practitioner/u", "patientId": "p" }, "prefetch": {{prefetch}} }""");

    private static CdsServiceDefinition Service(string hook, IEnumerable<string> keys) =>
        new("test", hook, "Test", "Test service", keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => "Patient/{{context.patientId}}", StringComparer.Ordinal));

    private static (CdsRequest? Request, string? Error) Attempt(Func<CdsRequest> read)
    {
        try
        {
            return (read(), null);
        }
        catch (CdsRequestException e)
        {
            return (null, Describe(e));
        }
    }

    private static string Describe(CdsRequestException e) =>
        $"{e.StatusCode}: " + string.Join(" | ", e.Issues.Select(i => $"{i.Code} {i.Expression} {i.Diagnostics}"));

    // What the prefetch engine gets for a key on the document path: the raw value parsed, or the parse error.
    private static string DocumentPathValue(CdsRequest request, string key)
    {
        var raw = request.Prefetch[key];
        if (raw.ValueKind == JsonValueKind.Null)
        {
            return "null";
        }

        return FhirJson.TryParse<Resource>(raw, out var resource, out var error) ? FhirJson.Serialize(resource) : "error: " + error;
    }

    private static string SinglePassValue(CdsRequest request, string key)
    {
        var (resource, error) = request.ReadPrefetch[key];
        return error is not null ? "error: " + error : resource is null ? "null" : FhirJson.Serialize(resource);
    }

    private static string Json(Bundle? bundle) => bundle is null ? "null" : FhirJson.Serialize(bundle);
}
