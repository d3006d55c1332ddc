using System.Text.Json;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Hooks.Protocol;

/// <summary>
/// Validates a parsed CDS Hooks request body against the 2.0 specification and the hook library, collecting every
/// problem at once so the client can fix them in one go. Unknown members and <c>extension</c> objects are ignored.
/// </summary>
public static class CdsRequestReader
{
    /// <summary>Reads <paramref name="document"/> as a call to a service that answers <paramref name="serviceHook"/>.
    /// On success the returned request owns the document; on failure the document is disposed.</summary>
    /// <exception cref="CdsRequestException">400 with one issue per problem.</exception>
    public static CdsRequest Read(JsonDocument document, string serviceHook)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            return ReadCore(document, serviceHook);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static CdsRequest ReadCore(JsonDocument document, string serviceHook)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw CdsRequestException.BadRequest("The request body must be a JSON object.", code: "structure");
        }

        var issues = new List<CdsIssue>();
        var hook = RequiredString(root, "hook", issues);
        if (hook is not null && !string.Equals(hook, serviceHook, StringComparison.Ordinal))
        {
            issues.Add(new("invalid", $"This service answers the '{serviceHook}' hook, not '{Truncate(hook)}'.", "hook"));
        }

        var hookInstance = RequiredString(root, "hookInstance", issues);
        var fhirServer = ReadFhirServer(root, issues);
        var authorization = ReadAuthorization(root, fhirServer is not null, issues);
        var context = ReadContext(root, serviceHook, issues);
        var prefetch = ReadPrefetch(root, issues);

        if (issues.Count > 0)
        {
            throw new CdsRequestException(400, issues);
        }

        return new CdsRequest(document)
        {
            Hook = hook!,
            HookInstance = hookInstance!,
            FhirServer = fhirServer,
            FhirAuthorization = authorization,
            Context = context!,
            Prefetch = prefetch,
        };
    }

    private static string? RequiredString(JsonElement parent, string name, List<CdsIssue> issues, string? path = null)
    {
        var expression = path is null ? name : $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            issues.Add(new("required", $"'{expression}' is required.", expression));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            issues.Add(new("invalid", $"'{expression}' must be a non-empty string.", expression));
            return null;
        }

        return text;
    }

    private static string? OptionalString(JsonElement parent, string name, List<CdsIssue> issues, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            issues.Add(new("invalid", $"'{path}.{name}' must be a string.", $"{path}.{name}"));
            return null;
        }

        return value.GetString();
    }

    private static Uri? ReadFhirServer(JsonElement root, List<CdsIssue> issues)
    {
        if (!root.TryGetProperty("fhirServer", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        issues.Add(new("invalid", "'fhirServer' must be an absolute http(s) URL.", "fhirServer"));
        return null;
    }

    private static FhirAuthorization? ReadAuthorization(JsonElement root, bool hasFhirServer, List<CdsIssue> issues)
    {
        if (!root.TryGetProperty("fhirAuthorization", out var auth) || auth.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (auth.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new("invalid", "'fhirAuthorization' must be an object.", "fhirAuthorization"));
            return null;
        }

        if (!hasFhirServer && !root.TryGetProperty("fhirServer", out _))
        {
            issues.Add(new("required", "'fhirServer' is required when 'fhirAuthorization' is present.", "fhirServer"));
        }

        var token = RequiredString(auth, "access_token", issues, "fhirAuthorization");
        var tokenType = RequiredString(auth, "token_type", issues, "fhirAuthorization");
        if (tokenType is not null && !tokenType.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new("invalid", "'fhirAuthorization.token_type' must be 'Bearer'.", "fhirAuthorization.token_type"));
        }

        long? expiresIn = null;
        if (auth.TryGetProperty("expires_in", out var expires) && expires.ValueKind != JsonValueKind.Null)
        {
            if (expires.ValueKind == JsonValueKind.Number && expires.TryGetInt64(out var seconds))
            {
                expiresIn = seconds;
            }
            else
            {
                issues.Add(new("invalid", "'fhirAuthorization.expires_in' must be an integer.", "fhirAuthorization.expires_in"));
            }
        }

        var scope = OptionalString(auth, "scope", issues, "fhirAuthorization");
        var subject = OptionalString(auth, "subject", issues, "fhirAuthorization");
        var patient = OptionalString(auth, "patient", issues, "fhirAuthorization");
        return token is null || tokenType is null ? null : new FhirAuthorization(token, tokenType, expiresIn, scope, subject, patient);
    }

    private static HookContext? ReadContext(JsonElement root, string hook, List<CdsIssue> issues)
    {
        if (!root.TryGetProperty("context", out var context) || context.ValueKind == JsonValueKind.Null)
        {
            issues.Add(new("required", "'context' is required.", "context"));
            return null;
        }

        if (context.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new("invalid", "'context' must be an object.", "context"));
            return null;
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string>? selections = null;
        Bundle? draftOrders = null;
        foreach (var field in HookDefinitions.ContextFields(hook))
        {
            var expression = "context." + field.Name;
            if (!context.TryGetProperty(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (field.Required)
                {
                    issues.Add(new("required", $"'{expression}' is required for the {hook} hook.", expression));
                }

                continue;
            }

            switch (field.Kind)
            {
                case ContextFieldKind.String when value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 }:
                    break;
                case ContextFieldKind.String:
                    issues.Add(new("invalid", $"'{expression}' must be a non-empty string.", expression));
                    break;
                case ContextFieldKind.StringArray:
                    selections = ReadStringArray(value, expression, issues);
                    break;
                case ContextFieldKind.Bundle:
                    draftOrders = ReadBundle(value, expression, issues);
                    break;
            }
        }

        // Every root-level primitive is available to {{context.x}} prefetch tokens, including ones the hook
        // library does not define (extensions of the context are allowed).
        foreach (var property in context.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (text is not null)
            {
                strings[property.Name] = text;
            }
        }

        return new HookContext
        {
            UserId = strings.GetValueOrDefault("userId"),
            PatientId = strings.GetValueOrDefault("patientId"),
            EncounterId = strings.GetValueOrDefault("encounterId"),
            Selections = selections,
            DraftOrders = draftOrders,
            Primitives = strings,
        };
    }

    private static List<string>? ReadStringArray(JsonElement value, string expression, List<CdsIssue> issues)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            issues.Add(new("invalid", $"'{expression}' must be an array of strings.", expression));
            return null;
        }

        var items = new List<string>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                issues.Add(new("invalid", $"'{expression}[{index}]' must be a string.", $"{expression}[{index}]"));
            }

            index++;
        }

        return items;
    }

    /// <summary>
    /// Reads <c>draftOrders</c>. ServiceRequests are what the pathway reads, so they must be valid FHIR R4; other
    /// orders (MedicationRequest, NutritionOrder, DeviceRequest...) are kept as raw JSON when they do not parse,
    /// because the conformance rules say to ignore them without error — published examples carry malformed ones.
    /// </summary>
    private static Bundle? ReadBundle(JsonElement value, string expression, List<CdsIssue> issues)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Bundle")
        {
            issues.Add(new("invalid", $"'{expression}' must be a FHIR Bundle.", expression));
            return null;
        }

        var entries = new List<BundleEntry>();
        if (value.TryGetProperty("entry", out var entryArray) && entryArray.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var entry in entryArray.EnumerateArray())
            {
                var path = $"{expression}.entry[{index++}].resource";
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object)
                {
                    var order = ReadOrder(resource, path, issues);
                    if (order is not null)
                    {
                        entries.Add(new BundleEntry { Resource = order });
                    }
                }
            }
        }
        else if (value.TryGetProperty("entry", out entryArray) && entryArray.ValueKind != JsonValueKind.Null)
        {
            issues.Add(new("invalid", $"'{expression}.entry' must be an array.", expression + ".entry"));
        }

        return new Bundle { Type = value.TryGetProperty("type", out var bundleType) && bundleType.ValueKind == JsonValueKind.String ? bundleType.GetString() : null, Entry = entries };
    }

    private static Resource? ReadOrder(JsonElement resource, string path, List<CdsIssue> issues)
    {
        var isServiceRequest = resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "ServiceRequest";
        try
        {
            return FhirJson.Parse<Resource>(resource);
        }
        catch (FhirParseException e) when (isServiceRequest)
        {
            issues.Add(new("invalid", $"'{path}' is not a valid FHIR R4 ServiceRequest: {e.Message}", path));
            return null;
        }
        catch (FhirParseException e)
        {
            // Not an order type the pathway reads: keep it only if it is at least a known R4 resource.
            try
            {
                return OtherResource.FromJson(resource);
            }
            catch (ArgumentException)
            {
                issues.Add(new("invalid", $"'{path}' is not a FHIR R4 resource: {e.Message}", path));
                return null;
            }
        }
    }

    private static Dictionary<string, JsonElement> ReadPrefetch(JsonElement root, List<CdsIssue> issues)
    {
        var prefetch = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!root.TryGetProperty("prefetch", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return prefetch;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new("invalid", "'prefetch' must be an object whose values are FHIR resources or null.", "prefetch"));
            return prefetch;
        }

        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            {
                prefetch[entry.Name] = entry.Value;
            }
            else
            {
                issues.Add(new("invalid", $"'prefetch.{entry.Name}' must be a FHIR resource or null.", $"prefetch.{entry.Name}"));
            }
        }

        return prefetch;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
