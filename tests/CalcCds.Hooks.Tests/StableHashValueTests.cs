using CalcCds.Hooks.Evaluation;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Hooks.Tests;

/// <summary>
/// Card uuids and fingerprints are stored (feedback joins, acted-on records for repeat suppression), so their values
/// must never drift when the hashing code changes. The expected values were computed independently from the
/// definitions: SHA-256 of the UTF-8 of "length:field\n" per field, and of the parts joined by U+001F.
/// </summary>
public sealed class StableHashValueTests
{
    [Fact]
    public void A_fingerprint_keeps_its_value_for_non_ascii_detail_text() =>
        Assert.Equal(
            "dd9d7514af559421c4325b40ffdfb8bba6b591e787d9928149ab2aa89897f488",
            CardFingerprint.Compute("R10", "", CardIndicator.Warning, "Abnormal mineral labs", "- Ca×P 72.4 mg²/dL² (≥ 70; calcium lab-corrected) — \"fluffy\" µmol/L"));

    [Fact]
    public void A_missing_detail_fingerprints_as_empty_text() =>
        Assert.Equal(
            "cbc153ec0f327cfaa6911b7438fb4107a92fda4014d9bc55527bfeb0572dd0a2",
            CardFingerprint.Compute("R06", "Left", CardIndicator.Info, "Summary", null));

    [Fact]
    public void A_card_uuid_keeps_its_value() =>
        Assert.Equal("7efe9cd8-8b16-830c-a1d6-27eec2a40360", StableUuid.Create("hook-1", "R01", "Right:53840002"));

    [Fact]
    public void A_suggestion_uuid_keeps_its_value() =>
        Assert.Equal("18412738-009d-8c45-8196-558970d7d19a", StableUuid.Create("hook-1", "R09", "systemic", "suggestion", "0"));

    [Fact]
    public void A_uuid_of_non_ascii_text_keeps_its_value() =>
        Assert.Equal("a361ffd6-9dc3-87f1-9f54-50af574cbf21", StableUuid.Create("héllo–wörld"));
}
