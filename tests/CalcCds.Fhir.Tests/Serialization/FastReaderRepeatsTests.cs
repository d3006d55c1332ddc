using System.Text;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Fhir.Tests.Serialization;

/// <summary>
/// The fast reader shares strings and dates that repeat within one read, and reads lists into exact-size arrays
/// through a scratch stack. Neither may change a value: every test also checks the record against System.Text.Json's.
/// </summary>
public sealed class FastReaderRepeatsTests
{
    [Fact]
    public void Reference_repeated_within_one_read_is_one_instance()
    {
        var bundle = ReadBundle("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/repeat-1"}}},
              {"resource":{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/repeat-1"}}}]}
            """);

        var first = (Observation)bundle.Entry![0].Resource!;
        var second = (Observation)bundle.Entry[1].Resource!;
        Assert.Same(first.Subject!.Reference, second.Subject!.Reference);
    }

    [Fact]
    public void Date_repeated_within_one_read_is_one_instance()
    {
        var bundle = ReadBundle("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Observation","status":"final","effectiveDateTime":"2026-10-14T09:40:00Z"}},
              {"resource":{"resourceType":"Observation","status":"final","effectiveDateTime":"2026-10-14T09:40:00Z"}}]}
            """);

        var first = (Observation)bundle.Entry![0].Resource!;
        var second = (Observation)bundle.Entry[1].Resource!;
        Assert.Same(first.EffectiveDateTime, second.EffectiveDateTime);
    }

    [Fact]
    public void Strings_that_fall_in_the_same_slot_keep_their_own_bytes()
    {
        // The slot hash reads the length and the 8-byte words at 0, len/2-4 and len-8: these two 40-byte references
        // agree on all of them and differ only at byte 10, so they always meet in one slot.
        const string First = "Patient/aaXaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        const string Second = "Patient/aaYaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

        var bundle = ReadBundle("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Observation","status":"final","subject":{"reference":"FIRST"}}},
              {"resource":{"resourceType":"Observation","status":"final","subject":{"reference":"SECOND"}}}]}
            """.Replace("FIRST", First, StringComparison.Ordinal).Replace("SECOND", Second, StringComparison.Ordinal));

        Assert.Equal(First, ((Observation)bundle.Entry![0].Resource!).Subject!.Reference);
        Assert.Equal(Second, ((Observation)bundle.Entry[1].Resource!).Subject!.Reference);
    }

    [Fact]
    public void Escaped_and_non_ASCII_repeats_read_exactly()
    {
        var bundle = ReadBundle("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Observation","status":"final","code":{"text":"Caf\u00e9"}}},
              {"resource":{"resourceType":"Observation","status":"final","code":{"text":"Café"}}},
              {"resource":{"resourceType":"Observation","status":"final","code":{"text":"Cafe"}}},
              {"resource":{"resourceType":"Observation","status":"final","code":{"text":"Café"}}}]}
            """);

        var texts = bundle.Entry!.Select(e => ((Observation)e.Resource!).Code!.Text!).ToArray();
        Assert.Equal(["Café", "Café", "Cafe", "Café"], texts);
    }

    [Fact]
    public void Nested_lists_of_several_items_read_in_order()
    {
        var bundle = ReadBundle("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Observation","status":"final","category":[
                {"coding":[{"code":"a1"},{"code":"a2"},{"code":"a3"}]},
                {"coding":[{"code":"b1"}]},
                {"coding":[{"code":"c1"},{"code":"c2"}],"text":"c"}]}},
              {"resource":{"resourceType":"Observation","status":"final","category":[]}}]}
            """);

        var categories = ((Observation)bundle.Entry![0].Resource!).Category!;
        Assert.Equal(
            ["a1 a2 a3", "b1", "c1 c2"],
            categories.Select(c => string.Join(' ', c.Coding!.Select(coding => coding.Code))));
        Assert.Empty(((Observation)bundle.Entry[1].Resource!).Category!);
    }

    [Fact]
    public void Read_given_up_halfway_through_a_list_leaves_nothing_behind_for_the_next_read()
    {
        // Gives up on the third coding's number in place of a string, with two codings on the scratch stack.
        var broken = """
            {"resourceType":"Observation","status":"final","code":{"coding":[{"code":"x1"},{"code":"x2"},{"code":3}]}}
            """u8;
        Assert.False(FhirFastReader.TryRead(broken, out _));

        var observation = (Observation)Read("""
            {"resourceType":"Observation","status":"final","code":{"coding":[{"code":"y1"},{"code":"y2"}]}}
            """);

        Assert.Equal(["y1", "y2"], observation.Code!.Coding!.Select(c => c.Code!));
    }

    [Fact]
    public void Codings_concepts_and_search_modes_repeated_within_one_read_are_one_instance()
    {
        var bundle = ReadBundle("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Observation","status":"final",
                "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
                "code":{"coding":[{"system":"http://loinc.org","code":"17861-6","display":"Calcium"}],"text":"Calcium"}},
               "search":{"mode":"match"}},
              {"resource":{"resourceType":"Observation","status":"final",
                "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
                "code":{"coding":[{"system":"http://loinc.org","code":"17861-6","display":"Calcium"}],"text":"Calcium"}},
               "search":{"mode":"match"}}]}
            """);

        var first = (Observation)bundle.Entry![0].Resource!;
        var second = (Observation)bundle.Entry[1].Resource!;
        Assert.Same(first.Category![0], second.Category![0]);
        Assert.Same(first.Code, second.Code);
        Assert.Same(bundle.Entry[0].Search, bundle.Entry[1].Search);
    }

    [Fact]
    public void Records_that_differ_in_any_member_are_not_shared()
    {
        var bundle = ReadBundle("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Observation","status":"final",
                "code":{"coding":[{"system":"http://loinc.org","code":"17861-6"}],"text":"Calcium"},
                "category":[{"coding":[{"system":"http://loinc.org","code":"17861-6"}]}]}},
              {"resource":{"resourceType":"Observation","status":"final",
                "code":{"coding":[{"system":"http://loinc.org","code":"17861-6"}],"text":"Ca total"},
                "category":[{"coding":[{"system":"http://loinc.org","code":"17861-6","version":"2.77"}]}]}},
              {"resource":{"resourceType":"Observation","status":"final",
                "code":{"coding":[{"system":"http://loinc.org","code":"17861-6","userSelected":true}],"text":"Calcium"},
                "category":[{"coding":[{"id":"c1","system":"http://loinc.org","code":"17861-6"}]}]}},
              {"resource":{"resourceType":"Observation","status":"final",
                "code":{"coding":[{"system":"http://loinc.org","code":"17861-6"},{"system":"http://loinc.org","code":"17861-6"}]},
                "category":[{"coding":[{"system":"http://loinc.org","code":"17861-6"}],
                  "extension":[{"url":"http://example.org/x","valueString":"kept"}]}]}}]}
            """);

        var observations = bundle.Entry!.Select(e => (Observation)e.Resource!).ToList();
        // Same coding, other text: the concepts differ, the plain coding inside them is one instance.
        Assert.NotSame(observations[0].Code, observations[1].Code);
        Assert.Same(observations[0].Code!.Coding![0], observations[1].Code!.Coding![0]);
        // A version, an id or userSelected makes a coding of its own.
        Assert.NotSame(observations[0].Category![0].Coding![0], observations[1].Category![0].Coding![0]);
        Assert.NotSame(observations[0].Category![0].Coding![0], observations[2].Category![0].Coding![0]);
        Assert.NotSame(observations[0].Code!.Coding![0], observations[2].Code!.Coding![0]);
        Assert.Equal("2.77", observations[1].Category![0].Coding![0].Version);
        Assert.True(observations[2].Code!.Coding![0].UserSelected);
        // Two codings, or an extension on the concept: read as they are.
        Assert.Equal(2, observations[3].Code!.Coding!.Count);
        Assert.NotSame(observations[0].Category![0], observations[3].Category![0]);
        Assert.Single(observations[3].Category![0].Extension!);
    }

    [Fact]
    public void Quantities_and_reference_ranges_are_shared_only_when_written_alike()
    {
        var bundle = ReadBundle("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Observation","status":"final","valueQuantity":{"value":9.6,"unit":"mg/dL"},
                "referenceRange":[{"low":{"value":8.5,"unit":"mg/dL"},"high":{"value":10.2,"unit":"mg/dL"}}]}},
              {"resource":{"resourceType":"Observation","status":"final","valueQuantity":{"value":9.6,"unit":"mg/dL"},
                "referenceRange":[{"low":{"value":8.5,"unit":"mg/dL"},"high":{"value":10.2,"unit":"mg/dL"}}]}},
              {"resource":{"resourceType":"Observation","status":"final","valueQuantity":{"value":9.60,"unit":"mg/dL"},
                "referenceRange":[{"low":{"value":8.50,"unit":"mg/dL"},"high":{"value":10.2,"unit":"mg/dL"}}]}},
              {"resource":{"resourceType":"Observation","status":"final","valueQuantity":{"value":-0,"unit":"mg/dL"},
                "referenceRange":[{"low":{"value":8.5,"unit":"mg/dL"},"high":{"value":10.2,"unit":"mg/dL"},"text":"adult"}]}},
              {"resource":{"resourceType":"Observation","status":"final","valueQuantity":{"value":0,"unit":"mg/dL"}}}]}
            """);

        var o = bundle.Entry!.Select(e => (Observation)e.Resource!).ToList();
        Assert.Same(o[0].ValueQuantity, o[1].ValueQuantity);
        Assert.Same(o[0].ReferenceRange![0], o[1].ReferenceRange![0]);
        // 9.60 is not 9.6 as written (the read above also checks each record against System.Text.Json's).
        Assert.NotSame(o[0].ValueQuantity, o[2].ValueQuantity);
        Assert.NotSame(o[0].ReferenceRange![0], o[2].ReferenceRange![0]);
        Assert.Same(o[0].ReferenceRange![0].High, o[2].ReferenceRange![0].High);
        // Other text, other range; a negative zero is not a zero.
        Assert.NotSame(o[0].ReferenceRange![0], o[3].ReferenceRange![0]);
        Assert.NotSame(o[3].ValueQuantity, o[4].ValueQuantity);
    }

    [Fact]
    public void Repeats_are_not_shared_between_reads()
    {
        const string Json = """
            {"resourceType":"Observation","status":"final","effectiveDateTime":"2026-10-14T09:40:00Z",
             "code":{"coding":[{"system":"http://loinc.org","code":"17861-6"}]}}
            """;

        var first = (Observation)Read(Json);
        var second = (Observation)Read(Json);

        Assert.NotSame(first.EffectiveDateTime, second.EffectiveDateTime);
        Assert.NotSame(first.Code, second.Code);
    }

    private static Bundle ReadBundle(string json) => Assert.IsType<Bundle>(Read(json));

    // The fast reader's record, after checking that System.Text.Json reads the same one.
    private static Resource Read(string json)
    {
        Assert.True(FhirFastReader.TryRead(Encoding.UTF8.GetBytes(json), out var fast), "the fast reader gave up");
        Assert.Equal(FhirJson.Serialize(FhirJson.Parse<Resource>(json)), FhirJson.Serialize(fast));
        return fast;
    }
}
