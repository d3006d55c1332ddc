using System.Text;
using CalcCds.Fhir.Model;

namespace CalcCds.Pathway.Picture;

/// <summary>Small, total helpers for reading FHIR elements the way the pathway needs them.</summary>
internal static class FhirReading
{
    // The three code tests below run for every coding of every resource the facets look at, so they are plain
    // indexed loops: no closure or enumerator per call.
    public static bool Has(this CodeableConcept? concept, string system, string code)
    {
        if (concept?.Coding is not { } codings)
        {
            return false;
        }

        for (var i = 0; i < codings.Count; i++)
        {
            if (codings[i].System == system && codings[i].Code == code)
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAny(this CodeableConcept? concept, string system, IReadOnlySet<string> codes) =>
        concept.FirstCodeIn(system, codes) is not null;

    public static string? CodeIn(this CodeableConcept? concept, string system)
    {
        if (concept?.Coding is not { } codings)
        {
            return null;
        }

        for (var i = 0; i < codings.Count; i++)
        {
            if (codings[i].System == system && !string.IsNullOrEmpty(codings[i].Code))
            {
                return codings[i].Code;
            }
        }

        return null;
    }

    /// <summary>The first code of <paramref name="system"/> that is in <paramref name="codes"/>, or null.</summary>
    public static string? FirstCodeIn(this CodeableConcept? concept, string system, IReadOnlySet<string> codes)
    {
        if (concept?.Coding is not { } codings)
        {
            return null;
        }

        for (var i = 0; i < codings.Count; i++)
        {
            if (codings[i].System == system && codings[i].Code is { } code && codes.Contains(code))
            {
                return code;
            }
        }

        return null;
    }

    public static string Ref(this Resource resource) => $"{resource.ResourceType}/{resource.Id ?? "(no id)"}";

    /// <summary>The clinically relevant time of an Observation: effective[x], else issued (§7.2).</summary>
    public static FhirDateTime? When(this Observation observation) =>
        observation.EffectiveDateTime ?? observation.EffectiveInstant ?? observation.EffectivePeriod?.Start ?? observation.Issued;

    public static FhirDateTime? When(this DiagnosticReport report) =>
        report.EffectiveDateTime ?? report.EffectivePeriod?.Start ?? report.Issued;

    /// <summary>The report's text: the conclusion and every text/plain presentedForm (base64), bounded in size.</summary>
    public static string ReportText(this DiagnosticReport report, int maxChars)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(report.Conclusion))
        {
            text.AppendLine(report.Conclusion);
        }

        foreach (var form in report.PresentedForm ?? [])
        {
            if (text.Length >= maxChars)
            {
                break;
            }

            if (form.Data is { Length: > 0 } data && form.ContentType is { } type && type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                var decoded = DecodeBase64(data, maxChars - text.Length);
                if (decoded is not null)
                {
                    text.AppendLine(decoded);
                }
            }
        }

        return text.Length > maxChars ? text.ToString(0, maxChars) : text.ToString();
    }

    private static string? DecodeBase64(string data, int maxChars)
    {
        // Decode no more than needed: 4 base64 characters carry 3 bytes.
        var take = Math.Min(data.Length, ((maxChars / 3) + 1) * 4);
        take -= take % 4;
        var bytes = new byte[(take / 4) * 3];
        return Convert.TryFromBase64Chars(data.AsSpan(0, take), bytes, out var written)
            ? Encoding.UTF8.GetString(bytes, 0, written)
            : null;
    }
}
