using CalcCds.Fhir.Model;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway.Labs;
using CalcCds.Pathway.Picture;
using CalcCds.Pathway.Terminology;

namespace CalcCds.Pathway.Rules.Labs;

/// <summary>
/// The lab ServiceRequests the lab rules suggest (R09 table, §2.5): status draft, intent order, category
/// <i>Laboratory procedure</i>, the §2.2 LOINC, the patient as subject and the index finding as reason. A test already
/// ordered (active or draft, same LOINC, within a week) is not suggested again (§7.7).
/// </summary>
public static class LabOrders
{
    public static ServiceRequest Create(PatientPicture picture, AnalyteInfo test)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(test);
        var reason = picture.IndexFindings is [var finding, ..] ? new List<ResourceReference> { new() { Reference = finding.Reference } } : null;
        return new ServiceRequest
        {
            Status = "draft",
            Intent = "order",
            Category =
            [
                new CodeableConcept { Coding = [new Coding { System = FhirSystems.Snomed, Code = LabOrderCodes.LaboratoryProcedureCategory, Display = "Laboratory procedure" }] },
            ],
            Code = new CodeableConcept
            {
                Coding = [new Coding { System = FhirSystems.Loinc, Code = test.OrderLoinc, Display = test.OrderDisplay }],
                Text = test.Analyte == Analyte.Egfr ? "Creatinine (eGFR)" : test.Name,
            },
            Subject = new ResourceReference { Reference = $"Patient/{picture.PatientId}" },
            ReasonReference = reason,
        };
    }

    /// <summary>One suggestion per missing test; tests already ordered are returned separately for the card text.</summary>
    public static (IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<string> AlreadyOrdered) Suggest(PatientPicture picture, IEnumerable<MissingLab> missing)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(missing);
        var suggestions = new List<Suggestion>();
        var already = new List<string>();
        foreach (var (test, existing) in WithExistingOrders(picture, missing))
        {
            if (existing is not null)
            {
                already.Add(AlreadyOrderedLine(test, existing));
                continue;
            }

            suggestions.Add(new Suggestion
            {
                Label = $"Order {test.Test}",
                IsRecommended = true,
                Actions =
                [
                    new CardAction { Type = ActionType.Create, Description = $"Order {test.Order.OrderDisplay} ({test.Order.OrderLoinc})", Resource = Create(picture, test.Order) },
                ],
            });
        }

        return (suggestions, already);
    }

    /// <summary>The card-text half of <see cref="Suggest"/>, for a card that makes its suggestions only when kept.</summary>
    public static IReadOnlyList<string> AlreadyOrdered(PatientPicture picture, IEnumerable<MissingLab> missing)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(missing);
        var already = new List<string>();
        foreach (var (test, existing) in WithExistingOrders(picture, missing))
        {
            if (existing is not null)
            {
                already.Add(AlreadyOrderedLine(test, existing));
            }
        }

        return already;
    }

    /// <summary>Each missing test once (by order LOINC), with the order already placed for it, if any.</summary>
    private static IEnumerable<(MissingLab Test, ServiceRequest? Existing)> WithExistingOrders(PatientPicture picture, IEnumerable<MissingLab> missing) =>
        missing.DistinctBy(m => m.Order.OrderLoinc).Select(test => (test, ExistingOrder(picture, test.Order.OrderLoinc)));

    private static string AlreadyOrderedLine(MissingLab test, ServiceRequest existing) =>
        $"- {test.Test}: already ordered ({existing.Ref()}, {existing.Status})";

    /// <summary>An active or draft order of the same LOINC within <c>AlreadyOrderedDays</c>, from the chart or the drafts.</summary>
    private static ServiceRequest? ExistingOrder(PatientPicture picture, string loinc)
    {
        var since = picture.Now.AddDays(-picture.Options.Labs.AlreadyOrderedDays);
        return picture.Prefetch.Resources<ServiceRequest>(PrefetchKeys.ServiceRequests)
            .Where(r => r.Status is "active" or "draft" && (r.AuthoredOn is null || r.AuthoredOn.LowerBound >= since))
            .Concat(picture.DraftOrders)
            .FirstOrDefault(r => r.Code.Has(FhirSystems.Loinc, loinc));
    }
}
