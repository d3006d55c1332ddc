using System.Text;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Context;

/// <summary>Card text and shared pieces of the clinical-context rules (R12–R24).</summary>
internal static class ContextText
{
    public static readonly IReadOnlySet<string> PatientView = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.PatientView };

    public const string AskAboutTrauma = "Ask about remote trauma or compartment syndrome — patients may not link it.";

    /// <summary>Override reasons every context card offers (feedback only).</summary>
    public static readonly IReadOnlyList<CdsCoding> OverrideReasons =
    [
        new(StcCodes.Systems.Override, StcOverride.NotApplicable, "Not applicable to this patient"),
        new(StcCodes.Systems.Override, StcOverride.AlreadyAddressed, "Already addressed"),
        new(StcCodes.Systems.Override, StcOverride.Other, "Other"),
    ];

    public static StringBuilder Start(IndexFinding finding)
    {
        var detail = CardText.NewDetail();
        CardText.AppendFindingLine(detail, finding);
        return detail;
    }

    /// <summary>Lists the facts behind a flag, one line each with reference and date (Product decision 10).</summary>
    public static StringBuilder Evidence(this StringBuilder detail, string label, ContextFlag flag)
    {
        foreach (var evidence in flag.Evidence)
        {
            var line = CardText.Fact(label, evidence.Fact);
            detail.AppendLine(evidence.Certainty == Clinical.Certainty.Suspected ? line + " (suspected, not confirmed)" : line);
        }

        return detail;
    }

    public static StringBuilder Fact<T>(this StringBuilder detail, string label, Fact<T>? fact)
    {
        if (fact is not null)
        {
            detail.AppendLine(CardText.Fact(label, fact));
        }

        return detail;
    }

    public static StringBuilder Facts(this StringBuilder detail, string label, IEnumerable<Fact<string>> facts)
    {
        foreach (var fact in facts)
        {
            detail.AppendLine(CardText.Fact(label, fact));
        }

        return detail;
    }

    public static StringBuilder Paragraph(this StringBuilder detail, string text) => detail.AppendLine().AppendLine(text);

    public static bool HasPattern(IndexFinding finding, params string[] patterns) =>
        finding.Patterns.Any(p => patterns.Contains(p.Value, StringComparer.Ordinal));

    public static IEnumerable<Fact<string>> Patterns(IndexFinding finding, params string[] patterns) =>
        finding.Patterns.Where(p => patterns.Contains(p.Value, StringComparer.Ordinal));

    /// <summary>A text-derived fact drives the card: say so and ask to verify (Product decision 7).</summary>
    public static StringBuilder VerifyTextFacts(this StringBuilder detail, IndexFinding finding)
    {
        if (finding.AnyFromText)
        {
            detail.Paragraph("Some facts above were read from report text: verify them with radiology (coded data always win).");
        }

        return detail;
    }
}
