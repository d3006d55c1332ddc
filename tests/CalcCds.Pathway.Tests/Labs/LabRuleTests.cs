using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules;
using CalcCds.Pathway.Rules.Labs;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Tests.Labs;

public sealed class LabRuleTests
{
    private static List<RuleCard> Run(IRule rule, LabChart chart) => rule.Evaluate(chart.Build()).ToList();

    // R09
    [Fact]
    public void R09_fires_for_suspected_systemic_cause_without_labs()
    {
        var card = Assert.Single(Run(new R09SystemicLabs(), new LabChart().WithFinding(StcCodes.Pattern.FineSpeckledDiffuse)));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.True(card.Summary.Length < 140);
        Assert.Contains("fine-speckled-diffuse", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R09_suggests_one_draft_lab_order_per_missing_test()
    {
        var card = Assert.Single(Run(new R09SystemicLabs(), new LabChart().WithFinding(StcCodes.Pattern.FineSpeckledDiffuse)));
        var orders = card.Suggestions.Select(s => Assert.IsType<ServiceRequest>(Assert.Single(s.Actions!).Resource)).ToList();
        Assert.Equal(["17861-6", "1751-7", "2777-1", "2731-8", "2160-0", "4537-7", "1988-5"], orders.Select(o => o.Code!.Coding![0].Code));
        Assert.All(orders, o =>
        {
            Assert.Equal("draft", o.Status);
            Assert.Equal("order", o.Intent);
            Assert.Equal("Patient/p1", o.Subject!.Reference);
            Assert.Equal("Observation/finding-1", o.ReasonReference![0].Reference);
        });
    }

    [Fact]
    public void R09_is_silent_when_the_panel_is_complete() =>
        Assert.Empty(Run(new R09SystemicLabs(), new LabChart().WithFinding(StcCodes.Pattern.FineSpeckledDiffuse).NormalPanel()));

    [Fact]
    public void R09_is_silent_without_systemic_suspicion() =>
        Assert.Empty(Run(new R09SystemicLabs(), new LabChart().WithFinding(StcCodes.Pattern.Laminated)));

    [Fact]
    public void R09_is_silent_without_an_index_finding() =>
        Assert.Empty(Run(new R09SystemicLabs(), new LabChart().Condition(FhirSystems.Icd10Cm, "E21.0")));

    [Fact]
    public void R09_adds_vitamin_d_for_vitamin_d_medication()
    {
        var card = Assert.Single(Run(new R09SystemicLabs(), new LabChart().WithFinding().Medication("Calcitriol 0.25 MCG").NormalPanel()));
        var order = Assert.IsType<ServiceRequest>(Assert.Single(Assert.Single(card.Suggestions).Actions!).Resource);
        Assert.Equal(LabLoinc.VitaminD25Total, order.Code!.Coding![0].Code);
    }

    [Fact]
    public void R09_shows_preliminary_labs_but_still_asks_for_final_ones()
    {
        var chart = new LabChart().WithFinding(StcCodes.Pattern.FineSpeckledDiffuse).Lab(LabLoinc.PhosphateMass, 3.5m, "mg/dL", status: "preliminary");
        var card = Assert.Single(Run(new R09SystemicLabs(), chart));
        Assert.Contains("Preliminary results", card.Detail, StringComparison.Ordinal);
        Assert.Contains(card.Suggestions, s => s.Label.Contains("Phosphate", StringComparison.Ordinal));
    }

    [Fact]
    public void R09_does_not_suggest_a_test_already_drafted()
    {
        var chart = new LabChart().WithFinding(StcCodes.Pattern.FineSpeckledDiffuse).Draft(FhirSystems.Loinc, LabLoinc.PthIntactMass);
        var card = Assert.Single(Run(new R09SystemicLabs(), chart));
        Assert.DoesNotContain(card.Suggestions, s => s.Label.Contains("PTH", StringComparison.Ordinal));
        Assert.Contains("already ordered", card.Detail, StringComparison.Ordinal);
    }

    // R10
    [Fact]
    public void R10_warns_on_recent_high_calcium()
    {
        var card = Assert.Single(Run(new R10AbnormalMineralLabs(), new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMass, 11.2m, "mg/dL").Lab(LabLoinc.Albumin, 4.0m, "g/dL")));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.False(card.Protected);
        Assert.Contains("11.2 mg/dL", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R10_is_critical_and_protected_for_severe_hypercalcemia()
    {
        var card = Assert.Single(Run(new R10AbnormalMineralLabs(), new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMoles, 3.6m, "mmol/L").Lab(LabLoinc.Albumin, 40m, "g/L")));
        Assert.Equal(CardIndicator.Critical, card.Indicator);
        Assert.True(card.Protected);
        Assert.Equal(R10AbnormalMineralLabs.CriticalSummary, card.Summary);
    }

    [Fact]
    public void R10_uses_no_adult_thresholds_under_18()
    {
        var chart = new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMass, 11.2m, "mg/dL").Lab(LabLoinc.Albumin, 4.0m, "g/dL");
        var picture = chart.Build() with { AgeYears = 15 };
        Assert.Empty(new R10AbnormalMineralLabs().Evaluate(picture));
    }

    [Fact]
    public void R10_shows_an_earlier_result_within_24_hours()
    {
        var chart = new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMass, 11.2m, "mg/dL", daysAgo: 2).Lab(LabLoinc.CalciumTotalMass, 9.9m, "mg/dL", daysAgo: 2.5)
            .Lab(LabLoinc.Albumin, 4.0m, "g/dL", daysAgo: 2);
        Assert.Contains("9.9 mg/dL", Assert.Single(Run(new R10AbnormalMineralLabs(), chart)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R10_is_silent_for_normal_labs() =>
        Assert.Empty(Run(new R10AbnormalMineralLabs(), new LabChart().WithFinding().NormalPanel()));

    [Fact]
    public void R10_ignores_stale_high_calcium() =>
        Assert.Empty(Run(new R10AbnormalMineralLabs(), new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMass, 12m, "mg/dL", daysAgo: 200)));

    [Fact]
    public void R10_ignores_entered_in_error_calcium() =>
        Assert.Empty(Run(new R10AbnormalMineralLabs(), new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMass, 15m, "mg/dL", status: "entered-in-error")));

    [Fact]
    public void R10_never_fires_on_preliminary_calcium() =>
        Assert.Empty(Run(new R10AbnormalMineralLabs(), new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMass, 15m, "mg/dL", status: "preliminary", flag: "HH")));

    [Fact]
    public void R10_ignores_caxp_alone_in_dialysis()
    {
        var chart = new LabChart().WithFinding().Condition(FhirSystems.Icd10Cm, "Z99.2")
            .Lab(LabLoinc.CalciumTotalMass, 10.0m, "mg/dL", daysAgo: 2, range: (8.4m, 10.2m, "mg/dL")).Lab(LabLoinc.Albumin, 4.0m, "g/dL", daysAgo: 2)
            .Lab(LabLoinc.PhosphateMass, 5.6m, "mg/dL", daysAgo: 2, range: (2.5m, 6.0m, "mg/dL"));
        Assert.Empty(Run(new R10AbnormalMineralLabs(), chart));
    }

    [Fact]
    public void R10_hints_at_pth_independent_cause_for_high_calcium_with_low_pth()
    {
        var chart = new LabChart().WithFinding().Lab(LabLoinc.CalciumTotalMass, 11.5m, "mg/dL").Lab(LabLoinc.Albumin, 4.0m, "g/dL").Lab(LabLoinc.PthIntactMass, 5m, "pg/mL");
        Assert.Contains("PTH-independent", Assert.Single(Run(new R10AbnormalMineralLabs(), chart)).Detail, StringComparison.Ordinal);
    }

    // R11
    [Fact]
    public void R11_fires_for_dialysis_with_phosphate_high_twice()
    {
        var chart = new LabChart().WithFinding().Condition(FhirSystems.Snomed, "714152005")
            .Lab(LabLoinc.PhosphateMass, 7.1m, "mg/dL", daysAgo: 3).Lab(LabLoinc.PhosphateMass, 6.8m, "mg/dL", daysAgo: 20);
        var card = Assert.Single(Run(new R11CkdMineralBoneDisorder(), chart));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
        Assert.Contains("two latest", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void R11_is_silent_for_a_single_high_phosphate() =>
        Assert.Empty(Run(new R11CkdMineralBoneDisorder(), new LabChart().WithFinding().Condition(FhirSystems.Snomed, "714152005")
            .Lab(LabLoinc.PhosphateMass, 7.1m, "mg/dL", daysAgo: 3).Lab(LabLoinc.PhosphateMass, 4.0m, "mg/dL", daysAgo: 20)));

    [Fact]
    public void R11_is_silent_in_ckd_g3() =>
        Assert.Empty(Run(new R11CkdMineralBoneDisorder(), new LabChart().WithFinding().Condition(FhirSystems.Icd10Cm, "N18.31")
            .Lab(LabLoinc.PhosphateMass, 7.1m, "mg/dL", daysAgo: 3).Lab(LabLoinc.PhosphateMass, 6.8m, "mg/dL", daysAgo: 20)));

    [Fact]
    public void R11_fires_for_ckd5_with_calcium_above_10_2()
    {
        var chart = new LabChart().WithFinding().Condition(FhirSystems.Icd10Cm, "N18.5").Lab(LabLoinc.CalciumTotalMass, 10.4m, "mg/dL", daysAgo: 3, range: (8.4m, 10.6m, "mg/dL")).Lab(LabLoinc.Albumin, 4.0m, "g/dL", daysAgo: 3);
        Assert.Single(Run(new R11CkdMineralBoneDisorder(), chart));
    }

    // R25
    [Fact]
    public void R25_is_optional_and_off_by_default() => Assert.True(new R25Calciphylaxis().OptionalOffByDefault);

    [Fact]
    public void R25_fires_for_dialysis_painful_superficial_lesion_with_skin_ulcer()
    {
        var finding = Superficial(pain: true);
        var chart = new LabChart().WithFinding(finding).Condition(FhirSystems.Snomed, "714152005").Condition(FhirSystems.Icd10Cm, "L97.211");
        var card = Assert.Single(Run(new R25Calciphylaxis(), chart));
        Assert.Equal(CardIndicator.Warning, card.Indicator);
    }

    [Fact]
    public void R25_is_silent_without_dialysis() =>
        Assert.Empty(Run(new R25Calciphylaxis(), new LabChart().WithFinding(Superficial(pain: true)).Condition(FhirSystems.Icd10Cm, "L97.211")));

    [Fact]
    public void R25_is_silent_without_pain() =>
        Assert.Empty(Run(new R25Calciphylaxis(), new LabChart().WithFinding(Superficial(pain: false)).Condition(FhirSystems.Snomed, "714152005").Condition(FhirSystems.Icd10Cm, "L97.211")));

    // O07
    [Fact]
    public void O07_adds_albumin_to_a_lone_calcium_order()
    {
        var chart = new LabChart { Hook = HookDefinitions.OrderSelect }.Draft(FhirSystems.Loinc, LabLoinc.CalciumTotalMass);
        var card = Assert.Single(Run(new O07LabPanelCompleteness(), chart));
        Assert.Equal(O07LabPanelCompleteness.AlbuminSummary, card.Summary);
        Assert.Equal(CardIndicator.Info, card.Indicator);
        Assert.Equal(LabLoinc.Albumin, ((ServiceRequest)card.Suggestions[0].Actions![0].Resource!).Code!.Coding![0].Code);
    }

    [Fact]
    public void O07_is_silent_when_albumin_is_drafted_too() =>
        Assert.Empty(Run(new O07LabPanelCompleteness(), new LabChart().Draft(FhirSystems.Loinc, LabLoinc.CalciumTotalMass).Draft(FhirSystems.Loinc, LabLoinc.Albumin)));

    [Fact]
    public void O07_completes_a_partial_systemic_panel()
    {
        var chart = new LabChart().Condition(FhirSystems.Icd10Cm, "E21.0").Draft(FhirSystems.Loinc, LabLoinc.CalciumTotalMass).Draft(FhirSystems.Loinc, LabLoinc.Albumin);
        var card = Assert.Single(Run(new O07LabPanelCompleteness(), chart));
        Assert.Equal(O07LabPanelCompleteness.PanelSummary, card.Summary);
        Assert.DoesNotContain(card.Suggestions, s => s.Label.Contains("Albumin", StringComparison.Ordinal));
    }

    // O09
    [Fact]
    public void O09_is_optional_and_off_by_default() => Assert.True(new O09GadoliniumRenal().OptionalOffByDefault);

    [Fact]
    public void O09_warns_on_contrast_mri_with_egfr_below_30()
    {
        var chart = new LabChart().Lab(LabLoinc.EgfrCkdEpi2021, 22m, "mL/min/{1.73_m2}").Draft(FhirSystems.Cpt, "73720");
        Assert.Equal(CardIndicator.Warning, Assert.Single(Run(new O09GadoliniumRenal(), chart)).Indicator);
    }

    [Fact]
    public void O09_is_silent_for_non_contrast_mri() =>
        Assert.Empty(Run(new O09GadoliniumRenal(), new LabChart().Lab(LabLoinc.EgfrCkdEpi2021, 22m, "mL/min/{1.73_m2}").Draft(FhirSystems.Cpt, "73718")));

    [Fact]
    public void O09_is_silent_with_normal_kidney_function() =>
        Assert.Empty(Run(new O09GadoliniumRenal(), new LabChart().Lab(LabLoinc.EgfrCkdEpi2021, 80m, "mL/min/{1.73_m2}").Draft(FhirSystems.Cpt, "73720")));

    private static IndexFinding Superficial(bool pain) => new()
    {
        Reference = "Observation/superficial",
        Origin = FactOrigin.Coded,
        Date = "2026-11-01",
        Depth = new Fact<string>(DepthValue.Superficial, FactOrigin.Coded, "Observation/superficial", "2026-11-01"),
        Pain = new Fact<bool>(pain, FactOrigin.Coded, "Observation/superficial", "2026-11-01"),
    };
}
