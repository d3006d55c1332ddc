using System.Globalization;
using System.Text.Json;
using CalcCds.Hooks.Protocol;
using CalcCds.Storage;

namespace CalcCds.Api.Feedback;

/// <summary>
/// Validates a CDS Hooks 2.0 feedback body. The post is all-or-nothing: if any entry is invalid, nothing is stored and
/// the 400 names every bad entry, so the EHR can resend the whole post without creating duplicates of the good ones.
/// </summary>
public static class FeedbackReader
{
    public static IReadOnlyList<FeedbackEntry> Read(JsonElement root, string serviceId, DateTimeOffset receivedAt)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("feedback", out var feedback) || feedback.ValueKind != JsonValueKind.Array)
        {
            throw CdsRequestException.BadRequest("The body must be an object with a 'feedback' array.", "feedback", "required");
        }

        var issues = new List<CdsIssue>();
        var entries = new List<FeedbackEntry>();
        var index = 0;
        foreach (var item in feedback.EnumerateArray())
        {
            var entry = ReadEntry(item, $"feedback[{index}]", serviceId, receivedAt, issues);
            if (entry is not null)
            {
                entries.Add(entry);
            }

            index++;
        }

        if (index == 0)
        {
            issues.Add(new("required", "'feedback' must contain at least one entry.", "feedback"));
        }

        return issues.Count > 0 ? throw new CdsRequestException(400, issues) : entries;
    }

    private static FeedbackEntry? ReadEntry(JsonElement item, string path, string serviceId, DateTimeOffset receivedAt, List<CdsIssue> issues)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new("invalid", $"'{path}' must be an object.", path));
            return null;
        }

        var before = issues.Count;
        var card = String(item, "card", path, issues, required: true);
        var outcome = String(item, "outcome", path, issues, required: true);
        if (outcome is not null and not ("accepted" or "overridden"))
        {
            issues.Add(new("code-invalid", $"'{path}.outcome' must be 'accepted' or 'overridden'.", $"{path}.outcome"));
        }

        var timestampText = String(item, "outcomeTimestamp", path, issues, required: true);
        var timestamp = DateTimeOffset.MinValue;
        if (timestampText is not null && !DateTimeOffset.TryParse(timestampText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp))
        {
            issues.Add(new("invalid", $"'{path}.outcomeTimestamp' must be an ISO 8601 date-time.", $"{path}.outcomeTimestamp"));
        }

        var accepted = ReadAcceptedSuggestions(item, path, issues);
        if (outcome == "accepted" && accepted.Count == 0)
        {
            issues.Add(new("required", $"'{path}.acceptedSuggestions' is required when the outcome is 'accepted'.", $"{path}.acceptedSuggestions"));
        }

        string? system = null, code = null, display = null, comment = null;
        if (item.TryGetProperty("overrideReason", out var reason) && reason.ValueKind == JsonValueKind.Object)
        {
            comment = String(reason, "userComment", $"{path}.overrideReason", issues, required: false);
            if (reason.TryGetProperty("reason", out var coding) && coding.ValueKind == JsonValueKind.Object)
            {
                var codingPath = $"{path}.overrideReason.reason";
                system = String(coding, "system", codingPath, issues, required: true);
                code = String(coding, "code", codingPath, issues, required: true);
                display = String(coding, "display", codingPath, issues, required: false);
            }
        }

        return issues.Count > before ? null : new FeedbackEntry
        {
            ServiceId = serviceId,
            CardUuid = card!,
            Outcome = outcome!,
            AcceptedSuggestionIds = accepted,
            OverrideReasonSystem = system,
            OverrideReasonCode = code,
            OverrideReasonDisplay = display,
            UserComment = comment,
            OutcomeTimestamp = timestamp,
            ReceivedAt = receivedAt,
        };
    }

    private static List<string> ReadAcceptedSuggestions(JsonElement item, string path, List<CdsIssue> issues)
    {
        var ids = new List<string>();
        if (!item.TryGetProperty("acceptedSuggestions", out var accepted) || accepted.ValueKind == JsonValueKind.Null)
        {
            return ids;
        }

        if (accepted.ValueKind != JsonValueKind.Array)
        {
            issues.Add(new("invalid", $"'{path}.acceptedSuggestions' must be an array.", $"{path}.acceptedSuggestions"));
            return ids;
        }

        var index = 0;
        foreach (var suggestion in accepted.EnumerateArray())
        {
            var id = suggestion.ValueKind == JsonValueKind.Object
                ? String(suggestion, "id", $"{path}.acceptedSuggestions[{index}]", issues, required: true)
                : null;
            if (suggestion.ValueKind != JsonValueKind.Object)
            {
                issues.Add(new("invalid", $"'{path}.acceptedSuggestions[{index}]' must be an object with an 'id'.", $"{path}.acceptedSuggestions[{index}]"));
            }

            if (id is not null)
            {
                ids.Add(id);
            }

            index++;
        }

        return ids;
    }

    private static string? String(JsonElement parent, string name, string path, List<CdsIssue> issues, bool required)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                issues.Add(new("required", $"'{path}.{name}' is required.", $"{path}.{name}"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            issues.Add(new("invalid", $"'{path}.{name}' must be a non-empty string.", $"{path}.{name}"));
            return null;
        }

        return text;
    }
}
