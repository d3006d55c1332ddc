using System.Globalization;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Clinical;
using CalcCds.Pathway.Lesion;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Rules.Docs;
using CalcCds.Pathway.Rules.Lesion;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Orders;

/// <summary>
/// O06 — a repeat lower-leg radiograph when CT would answer the question (clinical-pathway.md §5 O06): the index
/// finding comes from a final radiograph of the same limb ≤ 30 days ago and the question is characterisation
/// (matrix indeterminate, peripheral-zonal without a mature rim, juxtacortical, or the draft's reason says so).
/// Not for planned interval follow-up (R04 window ≥ 3 months, MO maturation ≥ MO_FOLLOWUP_WEEKS with trauma
/// history, new trauma/fracture since the index) nor for different/additional projections. Info; suggests CT.
/// </summary>
[RuleDoc(
    "Order-select of an XR lower leg (LOINC 25011-8/24686-8, CPT 73590/73592) within 30 days of a final index radiograph when the question is mineralization (indeterminate matrix, immature peripheral-zonal, juxtacortical, or reason says so); not planned interval follow-up or extra projections",
    "info",
    "Replace with CT lower leg without contrast (LOINC 36074-3/30625-8, CPT 73700) + delete the XR draft",
    Sources.S0Ct,
    Sources.S1Ct,
    Sources.S3CtCalcified,
    Sources.S1NotXrayAlone,
    Sources.S4DifferentAngle)]
public sealed class O06RepeatRadiograph : IRule
{
    public const string RuleId = "O06";

    public const string Summary = "A repeat X-ray adds little here: CT characterizes mineralization and separates ossification from calcification";

    /// <summary>§5 O06: the radiograph with the index finding is at most this old.</summary>
    private const int RecentRadiographDays = 30;

    /// <summary>§5 R04 / §8 FOLLOWUP_XR_WINDOW: interval follow-up starts 3 months after the index.</summary>
    private const int FollowUpMonths = 3;

    public string Id => RuleId;

    public string Name => "Repeat radiograph when CT would answer the question";

    public IReadOnlySet<string> Hooks { get; } = new HashSet<string>(StringComparer.Ordinal) { HookDefinitions.OrderSelect };

    public IEnumerable<RuleCard> Evaluate(PatientPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var draft in picture.Drafts.Where(d => d.Selected && d.Is(DraftOrderKind.Radiograph) && d.Target is not null))
        {
            var lesion = draft.Target!;
            var index = lesion.Index;
            if (index.IsPreliminary || index.When is not { } indexed || picture.Now - indexed > TimeSpan.FromDays(RecentRadiographDays))
            {
                continue;
            }

            var questions = CharacterisationQuestions(lesion, draft);
            if (questions.Count == 0 || DifferentProjection(draft) || PlannedFollowUp(picture, draft, indexed) is not null)
            {
                continue;
            }

            var detail = OrderCards.Start(draft);
            detail.AppendLine().Append("**Recent radiograph:** the index finding is from ").Append(index.Reference).Append(", ")
                .Append(index.Date ?? "date not recorded").AppendLine(string.Create(CultureInfo.InvariantCulture, $" (≤ {RecentRadiographDays} days ago)."));
            detail.AppendLine().AppendLine("**The open question is characterisation:**");
            foreach (var question in questions)
            {
                detail.AppendLine(question);
            }

            detail.AppendLine().AppendLine("A repeat radiograph in different or additional projections (stated in the order's details) is not flagged: S4 notes radiography at a different angle can help.");
            LesionCards.AppendVerifyText(detail, lesion.Finding.AnyFromText);
            CardText.AppendSources(detail, Sources.S0Ct, Sources.S1Ct, Sources.S3CtCalcified, Sources.S1NotXrayAlone, Sources.S4DifferentAngle);
            yield return new RuleCard
            {
                RuleId = RuleId,
                LesionKey = draft.Reference,
                Indicator = CardIndicator.Info,
                Summary = Summary,
                Detail = CardText.Finish(detail),
                Suggestions = [OrderCards.Replace(LesionOrders.Ct(picture, lesion.Finding), draft, "Replace the X-ray with CT lower leg without contrast", "Remove the X-ray draft " + draft.Describe())],
                SelectionBehavior = SelectionBehavior.AtMostOne,
                OverrideReasons = OrderCards.AdvisoryOverrideReasons,
                FromPreliminaryData = lesion.Finding.IsPreliminary,
            };
        }
    }

    /// <summary>
    /// Matrix indeterminate; pattern peripheral-zonal without a mature rim (read as: matrix not reported as
    /// ossification, the mature rim of MO being ossified); location juxtacortical; or the draft's reason asks to
    /// characterise the calcification.
    /// </summary>
    private static List<string> CharacterisationQuestions(LesionAssessment lesion, DraftOrder draft)
    {
        var finding = lesion.Finding;
        var questions = new List<string>();
        if (finding.Matrix is { Value: StcCodes.Matrix.Indeterminate } matrix)
        {
            questions.Add(CardText.Fact("Matrix", matrix));
        }

        if (finding.Patterns.FirstOrDefault(p => p.Value == StcCodes.Pattern.PeripheralZonal) is { } zonal && finding.Matrix?.Value != StcCodes.Matrix.Ossification)
        {
            questions.Add(CardText.Fact("Pattern", zonal) + " — no mature (ossified) rim reported");
        }

        if (finding.Locations.FirstOrDefault(l => l.Value == StcCodes.Location.Juxtacortical) is { } juxta)
        {
            questions.Add(CardText.Fact("Location", juxta));
        }

        var reasons = draft.Request.ReasonCode ?? [];
        if (reasons.FirstOrDefault(r => DraftOrderMatcher.Mentions(r, OrderCodes.Words.Characterisation)) is { } reason)
        {
            questions.Add($"- Order reason: \"{CardText.Quote(reason.Text ?? (reason.Coding is [var first, ..] ? first.Display : null) ?? string.Empty)}\" ({draft.Reference})");
        }

        return questions;
    }

    private static bool DifferentProjection(DraftOrder draft) =>
        (draft.Request.OrderDetail ?? []).Any(d => DraftOrderMatcher.Mentions(d, OrderCodes.Words.DifferentProjection));

    /// <summary>The planned interval follow-up that exempts the draft, or null (§5 O06 "AND NOT planned interval follow-up").</summary>
    private static string? PlannedFollowUp(PatientPicture picture, DraftOrder draft, DateTimeOffset indexed)
    {
        var planned = draft.Request.Occurrence?.LowerBound ?? picture.Now;
        if (planned >= indexed.AddMonths(FollowUpMonths))
        {
            return "R04 follow-up window";
        }

        if (picture.Context.TraumaHistory.IsSet && planned >= indexed.AddDays(7 * picture.Options.Context.MoFollowupWeeksMin))
        {
            return "myositis ossificans maturation follow-up";
        }

        var newInjury = picture.Conditions.History(ContextConcepts.LowerLimbInjury)
            .Any(m => (m.Condition.OnsetDateTime ?? m.Condition.OnsetPeriod?.Start ?? m.Condition.RecordedDate) is { } onset && onset.LowerBound > indexed);
        return newInjury ? "new trauma or fracture since the index radiograph" : null;
    }
}
