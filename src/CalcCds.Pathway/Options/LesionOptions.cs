using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CalcCds.Pathway.Options;

/// <summary>Lesion and red-flag parameters (§4.5, §4.6, §8): size thresholds, growth, sarcoma centres. Bound from <c>CalcCds:Pathway:Lesion</c>.</summary>
public sealed class LesionOptions : IValidatableObject
{
    /// <summary><c>SIZE_RED_FLAG_CM</c>: a red-flag-eligible lesion at or above this size is a red flag (Product decision 3: <c>&gt;= 5.0 cm</c>).</summary>
    [Range(typeof(decimal), "0.5", "50")]
    public decimal SizeRedFlagCm { get; set; } = 5.0m;

    /// <summary><c>SMALL_LESION_CM</c> (R04): below this a benign-appearing lesion is "small" (Product decision 3: 2.0; design only).</summary>
    [Range(typeof(decimal), "0.1", "20")]
    public decimal SmallLesionCm { get; set; } = 2.0m;

    /// <summary><c>GROWTH_PCT</c> (§4.6): relative rise of the largest dimension that counts as growth.</summary>
    [Range(1, 500)]
    public int GrowthPercent { get; set; } = 20;

    /// <summary><c>GROWTH_ABS_CM</c> (§4.6): absolute rise that must also be reached.</summary>
    [Range(typeof(decimal), "0.1", "20")]
    public decimal GrowthAbsoluteCm { get; set; } = 0.5m;

    /// <summary><c>RAPID_MONTHS</c> (§4.6): growth within this many months is rapid.</summary>
    [Range(1, 36)]
    public int RapidGrowthMonths { get; set; } = 3;

    /// <summary>Window for PRIOR_US / PRIOR_CT / PRIOR_MR (§4.7: 90 days).</summary>
    [Range(1, 3650)]
    public int PriorImagingDays { get; set; } = 90;

    /// <summary>R06b: an ultrasound within this many days makes the urgent ultrasound unnecessary (§5 R06b: 14 days).</summary>
    [Range(1, 365)]
    public int UrgentUltrasoundDays { get; set; } = 14;

    /// <summary>Window for a sarcoma-centre referral or encounter to count as known sarcoma care (§4.7: 180 days).</summary>
    [Range(1, 3650)]
    public int SarcomaCareDays { get; set; } = 180;

    /// <summary>Reports of the same lesion within this window are compared for DQ2 (§5 DQ2: 90 days).</summary>
    [Range(1, 3650)]
    public int ReportDisagreementDays { get; set; } = 90;

    /// <summary>
    /// The sarcoma centres (Product decision 4): Organization or HealthcareService references and/or identifiers. The
    /// first one is the performer of the suggested referral. Empty is allowed: then no exemption applies and the
    /// referral names no performer.
    /// </summary>
    public IList<SarcomaCentre> SarcomaCentres { get; } = [];

    /// <summary>
    /// The sarcoma-centre practitioner roles (Product decision 4): a user whose <c>userId</c> (e.g. <c>PractitionerRole/123</c>)
    /// is listed here plans sarcoma care, so R01/R02 are replaced by R23 for them (§4.7, §7.7).
    /// </summary>
    public IList<string> SarcomaCentreRoles { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < SarcomaCentres.Count; i++)
        {
            var centre = SarcomaCentres[i];
            if (string.IsNullOrWhiteSpace(centre.Reference) && string.IsNullOrWhiteSpace(centre.IdentifierValue))
            {
                yield return new ValidationResult($"CalcCds:Pathway:Lesion: SarcomaCentres[{i}] needs a Reference or an IdentifierValue.", [$"Lesion.SarcomaCentres[{i}]"]);
            }

            if (centre.Reference is { Length: > 0 } reference
                && !reference.StartsWith("Organization/", StringComparison.Ordinal)
                && !reference.StartsWith("HealthcareService/", StringComparison.Ordinal))
            {
                yield return new ValidationResult($"CalcCds:Pathway:Lesion: SarcomaCentres[{i}].Reference must be Organization/… or HealthcareService/….", [$"Lesion.SarcomaCentres[{i}].Reference"]);
            }
        }
    }

    /// <summary>One line per parameter in force, shown in discovery.</summary>
    public IEnumerable<string> Describe()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"SIZE_RED_FLAG_CM={SizeRedFlagCm} (>=)");
        yield return string.Create(CultureInfo.InvariantCulture, $"SMALL_LESION_CM={SmallLesionCm}");
        yield return string.Create(CultureInfo.InvariantCulture, $"GROWTH_PCT={GrowthPercent}; GROWTH_ABS_CM={GrowthAbsoluteCm}; RAPID_MONTHS={RapidGrowthMonths}");
        yield return string.Create(CultureInfo.InvariantCulture, $"prior imaging window {PriorImagingDays} d; sarcoma care window {SarcomaCareDays} d; DQ2 window {ReportDisagreementDays} d");
        yield return string.Create(CultureInfo.InvariantCulture, $"sarcoma centres configured: {SarcomaCentres.Count}; sarcoma-centre roles: {SarcomaCentreRoles.Count}");
    }
}

/// <summary>One configured sarcoma centre: a FHIR reference, an identifier, or both.</summary>
public sealed class SarcomaCentre
{
    /// <summary><c>Organization/…</c> or <c>HealthcareService/…</c>.</summary>
    public string? Reference { get; set; }

    public string? IdentifierSystem { get; set; }

    public string? IdentifierValue { get; set; }

    public string? Display { get; set; }
}
