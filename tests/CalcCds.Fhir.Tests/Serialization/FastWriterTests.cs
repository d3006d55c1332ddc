using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Tests.Serialization;

/// <summary>
/// FhirFastWriter (behind ResourceJsonConverter, so behind every FhirJson write) writes exactly the bytes
/// System.Text.Json's metadata writes (<see cref="ResourceJsonConverter.MetadataOnlyOptions"/>): member order, omitted
/// nulls and empty lists, extension data, nested resources, number and date formatting, and the caller's encoder and
/// indentation.
/// </summary>
public sealed class FastWriterTests
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    [Theory]
    [MemberData(nameof(FastReaderTests.OurSamples), MemberType = typeof(FastReaderTests))]
    public void Sample_bundle_is_written_as_System_Text_Json_writes_it(string fileName)
    {
        var resource = FhirJson.Parse<Resource>(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, fileName)));

        AssertSameBytes(resource);
    }

    [Theory]
    [MemberData(nameof(ExpectFiles))]
    public void Sample_draft_orders_are_written_as_System_Text_Json_writes_them(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, fileName)));

        foreach (var draft in document.RootElement.GetProperty("draftOrders").EnumerateArray())
        {
            AssertSameBytes(FhirJson.Parse<Resource>(draft));
        }
    }

    [SharedDataTheory]
    [MemberData(nameof(ModelledOfficialExamples))]
    public void Official_example_of_a_modelled_type_is_written_as_System_Text_Json_writes_it(string fileName)
    {
        var resource = FhirJson.Parse<Resource>(File.ReadAllBytes(Path.Combine(SampleFiles.ExamplesFolder, fileName)));

        AssertSameBytes(resource);
    }

    [SharedDataTheory]
    [MemberData(nameof(SampleFiles.SyntheaBundles), MemberType = typeof(SampleFiles))]
    public void Synthea_bundle_is_written_as_System_Text_Json_writes_it(string fileName)
    {
        AssertSameBytes(FhirJson.Parse<Resource>(File.ReadAllBytes(Path.Combine(SampleFiles.SyntheaFolder, fileName))));
    }

    [Fact]
    public void Bench_fixture_prefetch_is_written_as_System_Text_Json_writes_it()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "bench", "fixtures", "patient-view-100k.json")));

        var values = document.RootElement.GetProperty("prefetch").EnumerateObject().ToList();

        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            AssertSameBytes(FhirJson.Parse<Resource>(value.Value));
        }
    }

    [Fact]
    public void Primitive_extensions_of_every_json_type_are_written_last_in_read_order()
    {
        var patient = FhirJson.Parse<Patient>("""
            {"resourceType":"Patient","_active":{"extension":[{"url":"http://x/a","valueBoolean":false}]},"active":true,
             "birthDate":"1970-01-01","_birthDate":{"id":"b1","extension":[{"url":"http://x/t","valueDateTime":"1970-01-01T08:30:00+01:00"}]},
             "multipleBirthInteger":2,"_multipleBirthInteger":{"extension":[{"url":"http://x/i","valueInteger":-7}]},
             "gender":"other","_gender":{"extension":[{"url":"http://x/g","valueCode":"x"}]},
             "name":[{"family":"Ng","_family":{"extension":[{"url":"http://x/f","valueString":"n"}]},
                      "given":["A",null,"C"],"_given":[null,{"extension":[{"url":"http://x/m","valueDecimal":1.50}]},null]}]}
            """);

        AssertSameBytes(patient);
    }

    [Fact]
    public void Extension_choice_values_of_every_primitive_type_are_written_alike()
    {
        var observation = new Observation
        {
            Status = "final",
            Extension =
            [
                new Extension { Url = "http://x/decimal", ValueDecimal = 9.60m },
                new Extension { Url = "http://x/negative", ValueDecimal = -0.000100m },
                new Extension { Url = "http://x/integer", ValueInteger = int.MinValue },
                new Extension { Url = "http://x/positive", ValuePositiveInt = int.MaxValue },
                new Extension { Url = "http://x/boolean", ValueBoolean = false },
                new Extension { Url = "http://x/instant", ValueInstant = FhirDateTime.Parse("2026-11-21T08:00:00.1234567891+14:00") },
                new Extension { Url = "http://x/date", ValueDate = FhirDateTime.Parse("2026-11") },
                new Extension { Url = "http://x/quantity", ValueQuantity = new Quantity { Value = 1e-10m, Comparator = "<", Unit = "mg" } },
                new Extension { Url = "http://x/age", ValueAge = new Age { Value = 42, Unit = "a" } },
            ],
            ValueQuantity = new Quantity { Value = 79228162514264337593543950335m },
            Component = [new ObservationComponent { ValueInteger = 0, ValueBoolean = true, ValueString = "" }],
        };

        AssertSameBytes(observation);
    }

    [Fact]
    public void Additional_elements_on_resources_and_nested_elements_are_written_as_System_Text_Json_writes_them()
    {
        using var extra = JsonDocument.Parse("""{"future":{"a":[1,2.50,null,true]},"fhir_comments":["c"],"_status":{"id":"s"},"": null}""");
        var additional = extra.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var request = new ServiceRequest
        {
            Status = "draft",
            Code = new CodeableConcept { Text = "x", AdditionalElements = new(additional) },
            AdditionalElements = new(additional),
        };

        AssertSameBytes(request);
    }

    [Fact]
    public void Empty_lists_are_omitted_and_null_items_written_as_null_on_both_paths()
    {
        var request = new ServiceRequest
        {
            Status = "draft",
            Identifier = [],
            Category = [],
            InstantiatesUri = [],
            Contained = [],
            Extension = [],
            Note = new List<Annotation>(),
            OrderDetail = [null!, new CodeableConcept { Coding = [] }],
            InstantiatesCanonical = ["a", null!],
            ReasonReference = [new ResourceReference { Reference = "Observation/1", Extension = [] }],
            AdditionalElements = [],
        };

        AssertSameBytes(request);
        Assert.Equal(
            """{"resourceType":"ServiceRequest","instantiatesCanonical":["a",null],"status":"draft","orderDetail":[null,{}],"reasonReference":[{"reference":"Observation/1"}]}""",
            FhirJson.Serialize(request));
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("accents é ü ß, CJK 漢字, emoji 🦴, Greek Ω")]
    [InlineData("html <b>&amp;</b> 'quotes' \"double\" back\\slash /slash")]
    [InlineData("controls \t\n\r\b\f \u0001 \u001f and line separators \u2028\u2029 and DEL \u007f")]
    [InlineData("a lone surrogate \ud800 is replaced")]
    public void Text_is_escaped_by_the_callers_encoder_as_System_Text_Json_escapes_it(string text)
    {
        using var extra = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { [text] = text }));
        var request = new ServiceRequest
        {
            Status = "draft",
            PatientInstruction = text,
            Code = new CodeableConcept { Text = text, Coding = [new Coding { Display = text }] },
            Note = [new Annotation { Text = text, AuthorString = text }],
            AdditionalElements = extra.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };

        AssertSameBytes(request);
    }

    [Fact]
    public void Contained_and_bundled_resources_take_the_same_path_as_the_root()
    {
        using var other = JsonDocument.Parse("""{"resourceType":"Basic","id":"b","code":{"text":"kept as written"}}""");
        var patient = new Patient { Id = "p", Active = true, Contained = [OtherResource.FromJson(other.RootElement)] };
        var request = new ServiceRequest { Status = "draft", Contained = [patient, null!, OtherResource.FromJson(other.RootElement)] };
        var bundle = new Bundle
        {
            Type = "collection",
            Entry = [new BundleEntry { Resource = request }, new BundleEntry { Resource = OtherResource.FromJson(other.RootElement) }, new BundleEntry { FullUrl = "urn:x" }],
        };

        AssertSameBytes(bundle);
    }

    [Fact]
    public void Every_member_of_every_record_is_written_as_System_Text_Json_writes_it()
    {
        // The corpora above leave rare members (ServiceRequest.quantityRatio, Extension.valueTiming, ...) unset; here
        // every settable member of every record reachable from a modelled resource holds a value, so each generated
        // member line, its order and its formatting are compared at least once.
        foreach (var type in ResourceTypeNames.Modelled.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            AssertSameBytes((Resource)Filled(type, depth: 0));
        }
    }

    [Fact]
    public void Every_modelled_resource_type_is_written_by_the_fast_writer()
    {
        foreach (var type in ResourceTypeNames.Modelled.Values)
        {
            var resource = (Resource)Activator.CreateInstance(type)!;
            using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>());

            Assert.True(FhirFastWriter.TryWrite(writer, resource), type.Name);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Nesting_at_the_depth_limit_is_refused_or_written_alike(int outerDepth)
    {
        // Each nested extension is two JSON levels (array, object); scan across System.Text.Json's limit of 256,
        // with the resource itself starting at outerDepth (as inside a CDS response).
        for (var levels = 120; levels <= 130; levels++)
        {
            foreach (var leaf in new[] { new Extension(), new Extension { Url = "http://x" } })
            {
                var extension = leaf;
                for (var i = 1; i < levels; i++)
                {
                    extension = new Extension { Url = "http://x", Extension = [extension] };
                }

                var patient = new Patient { Extension = [extension] };
                var expected = Capture(() => Write(patient, default, outerDepth, reference: true));
                var actual = Capture(() => Write(patient, default, outerDepth, reference: false));

                Assert.Equal(expected, actual);
            }
        }
    }

    // The official examples whose resourceType has a record (an unmodelled one is written back as kept on both paths).
    public static TheoryData<string> ModelledOfficialExamples()
    {
        var data = new TheoryData<string>();
        foreach (var fileName in SampleFiles.OfficialExamples)
        {
            var path = Path.Combine(SampleFiles.ExamplesFolder, fileName);
            if (!File.Exists(path) || ResourceTypeNames.Modelled.ContainsKey(SampleFiles.ResourceTypeOf(path)))
            {
                // A missing folder leaves SampleFiles' placeholder row, which the skipped theory needs.
                data.Add(fileName);
            }
        }

        return data;
    }

    public static TheoryData<string> ExpectFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Samples, "*.expect.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.TryGetProperty("draftOrders", out var drafts) && drafts.GetArrayLength() > 0)
            {
                data.Add(Path.GetFileName(path));
            }
        }

        return data;
    }

    // An instance of a record type with every settable member set: one item per list, nested records down to a few
    // levels (Extension nests in itself), an extra JSON member on each, and a nested resource where one is allowed.
    private static object Filled(Type type, int depth)
    {
        var value = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.SetMethod is { IsPublic: true }))
        {
            var member = property.PropertyType;
            if (property.Name == nameof(Element.AdditionalElements))
            {
                using var extra = JsonDocument.Parse("""{"x":[1,"é"]}""");
                property.SetValue(value, new Dictionary<string, JsonElement> { ["_" + type.Name] = extra.RootElement.Clone() });
            }
            else if (member.IsGenericType && member.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                var item = ValueOf(member.GetGenericArguments()[0], property.Name, depth);
                if (item is not null)
                {
                    var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(member.GetGenericArguments()[0]))!;
                    list.Add(item);
                    property.SetValue(value, list);
                }
            }
            else
            {
                property.SetValue(value, ValueOf(Nullable.GetUnderlyingType(member) ?? member, property.Name, depth));
            }
        }

        return value;
    }

    private static object? ValueOf(Type type, string name, int depth) => type switch
    {
        _ when type == typeof(string) => "s-" + name,
        _ when type == typeof(bool) => true,
        _ when type == typeof(int) => -7,
        _ when type == typeof(decimal) => 1.50m,
        _ when type == typeof(FhirDateTime) => FhirDateTime.Parse("2026-11-21T08:00:00.120+01:00"),
        _ when type == typeof(Resource) => depth < 2 ? new Patient { Id = "nested-" + name, Active = false } : null,
        _ when depth < 3 => Filled(type, depth + 1),
        _ => null,
    };

    // Default, relaxed-encoder and indented writers, and FhirJson's own string output.
    private static void AssertSameBytes(Resource resource)
    {
        foreach (var options in new[] { default, Relaxed, Indented })
        {
            var expected = Write(resource, options, 0, reference: true);
            var actual = Write(resource, options, 0, reference: false);

            Assert.Equal(expected, actual);
        }

        Assert.Equal(JsonSerializer.Serialize(resource, ResourceJsonConverter.MetadataOnlyOptions.GetTypeInfo(typeof(Resource))), FhirJson.Serialize(resource));
    }

    // The resource written by System.Text.Json's metadata (reference) or by FhirJson (fast), optionally inside
    // outerDepth arrays, as text so that a failure shows the first difference.
    private static string Write(Resource resource, JsonWriterOptions options, int outerDepth, bool reference)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            for (var i = 0; i < outerDepth; i++)
            {
                writer.WriteStartArray();
            }

            if (reference)
            {
                JsonSerializer.Serialize(writer, resource, ResourceJsonConverter.MetadataOnlyOptions.GetTypeInfo(typeof(Resource)));
            }
            else
            {
                FhirJson.Write(writer, resource);
            }

            for (var i = 0; i < outerDepth; i++)
            {
                writer.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The output, or the exception type if the write was refused.
    private static string Capture(Func<string> write)
    {
        try
        {
            return write();
        }
        catch (JsonException e)
        {
            return e.GetType().Name;
        }
    }
}
