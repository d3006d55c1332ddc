using System.Text.Json;
using CalcCds.Hooks.Evaluation;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Hooks.Tests;

public sealed class RepeatKeyTests
{
    private static string Fingerprint(string detail = "calcium 11.2 mg/dL, Observation/abc, 2026-10-02", CardIndicator indicator = CardIndicator.Warning) =>
        CardFingerprint.Compute("R10", "", indicator, "Abnormal mineral labs", detail);

    [Fact]
    public void The_same_card_text_gives_the_same_fingerprint() => Assert.Equal(Fingerprint(), Fingerprint());

    [Fact]
    public void A_new_lab_value_in_the_detail_changes_the_fingerprint() =>
        Assert.NotEqual(Fingerprint(), Fingerprint("calcium 11.6 mg/dL, Observation/def, 2026-11-02"));

    [Fact]
    public void A_changed_indicator_changes_the_fingerprint() =>
        Assert.NotEqual(Fingerprint(), Fingerprint(indicator: CardIndicator.Critical));

    [Fact]
    public void Text_moved_between_fields_changes_the_fingerprint() =>
        Assert.NotEqual(
            CardFingerprint.Compute("R06", "Left", CardIndicator.Info, "ab", "c"),
            CardFingerprint.Compute("R06", "Left", CardIndicator.Info, "a", "bc"));

    [Fact]
    public void The_patient_key_is_a_hash_that_does_not_contain_the_id()
    {
        var key = PatientKey.For(new Uri("https://ehr.example.org/fhir"), "patient-123");

        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.DoesNotContain("patient-123", key, StringComparison.Ordinal);
    }

    [Fact]
    public void The_patient_key_ignores_a_trailing_slash_on_the_server() =>
        Assert.Equal(PatientKey.For(new Uri("https://ehr.example.org/fhir"), "p1"), PatientKey.For(new Uri("https://ehr.example.org/fhir/"), "p1"));

    [Fact]
    public void The_same_patient_id_on_another_server_is_another_patient() =>
        Assert.NotEqual(PatientKey.For(new Uri("https://a.example.org/fhir"), "p1"), PatientKey.For(new Uri("https://b.example.org/fhir"), "p1"));

    [Fact]
    public void The_card_trace_is_never_serialized()
    {
        var card = new Card
        {
            Uuid = "u-1",
            Summary = "s",
            Indicator = CardIndicator.Info,
            Source = new CardSource { Label = "l" },
            Trace = new CardTrace("Left", "secret-fingerprint"),
        };

#pragma warning disable CA1869 // One options instance for one test.
        var json = JsonSerializer.Serialize(card, new JsonSerializerOptions(JsonSerializerDefaults.Web));
#pragma warning restore CA1869

        Assert.DoesNotContain("secret-fingerprint", json, StringComparison.Ordinal);
    }
}
