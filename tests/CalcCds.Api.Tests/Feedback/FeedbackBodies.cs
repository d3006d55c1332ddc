using System.Text.Json.Nodes;

namespace CalcCds.Api.Tests.Feedback;

/// <summary>CDS Hooks feedback bodies as an EHR posts them.</summary>
public static class FeedbackBodies
{
    public const string Path = "/cds-services/" + CalcCds.Pathway.PathwayServices.PatientViewId + "/feedback";

    public static JsonObject Overridden(string card, string? reasonCode = null) => Body(new JsonObject
    {
        ["card"] = card,
        ["outcome"] = "overridden",
        ["outcomeTimestamp"] = "2026-11-21T12:00:00Z",
        ["overrideReason"] = reasonCode is null ? null : new JsonObject
        {
            ["reason"] = new JsonObject { ["system"] = "http://calccds.org/fhir/CodeSystem/override-reason", ["code"] = reasonCode },
            ["userComment"] = "already followed up",
        },
    });

    public static JsonObject Accepted(string card, string suggestion) => Body(new JsonObject
    {
        ["card"] = card,
        ["outcome"] = "accepted",
        ["acceptedSuggestions"] = new JsonArray(new JsonObject { ["id"] = suggestion }),
        ["outcomeTimestamp"] = "2026-11-21T12:00:00Z",
    });

    private static JsonObject Body(JsonObject entry) => new() { ["feedback"] = new JsonArray(entry) };
}
