using System.Text.Json;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;
using CalcCds.Hooks.Services;

namespace CalcCds.Hooks.Protocol;

/// <summary>
/// Validates a parsed CDS Hooks request body against the 2.0 specification and the hook library, collecting every
/// problem at once so the client can fix them in one go. Unknown members and <c>extension</c> objects are ignored.
/// </summary>
public static class CdsRequestReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads <paramref name="document"/> as a call to a service that answers <paramref name="serviceHook"/>.
    /// On success the returned request owns the document; on failure the document is disposed.</summary>
    /// <exception cref="CdsRequestException">400 with one issue per problem.</exception>
    public static CdsRequest Read(JsonDocument document, string serviceHook)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ReadOwning(document, serviceHook, readPrefetch: null);
    }

    /// <summary>
    /// Reads a call to <paramref name="service"/> from the body's UTF-8 bytes in one pass: the prefetch values the
    /// service asks for are read as FHIR resources straight from the bytes (<see cref="CdsRequest.ReadPrefetch"/>),
    /// and only the small rest of the body (hook, hookInstance, context, fhirServer...) becomes a
    /// <see cref="JsonDocument"/> for the same validation as <see cref="Read(JsonDocument, string)"/>.
    /// A body this pass does not read exactly as that path would (invalid JSON, a duplicate or escaped top-level
    /// member, a prefetch that is not an object of objects and nulls) goes through <see cref="Read(JsonDocument, string)"/>
    /// whole, so every error is reported the same way either way. The returned request does not keep
    /// <paramref name="utf8"/>.
    /// </summary>
    /// <exception cref="CdsRequestException">400 with one issue per problem (invalid JSON: one <c>structure</c> issue).</exception>
    public static CdsRequest Read(ReadOnlySpan<byte> utf8, CdsServiceDefinition service, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (utf8.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..]; // as JsonDocument.ParseAsync does for a stream
        }

        var documentOptions = new JsonDocumentOptions { MaxDepth = maxDepth };
        if (!TryReadPrefetchInPlace(utf8, service, maxDepth, out var prefetch, out var prefetchValue))
        {
            return Read(ParseBody(utf8.ToArray(), documentOptions), service.Hook);
        }

        // The body without the prefetch's value ("{}" in its place): a few hundred bytes of envelope.
        byte[] rest;
        if (prefetchValue is not var (start, end))
        {
            rest = utf8.ToArray();
        }
        else
        {
            rest = new byte[utf8.Length - (end - start) + 2];
            utf8[..start].CopyTo(rest);
            "{}"u8.CopyTo(rest.AsSpan(start));
            utf8[end..].CopyTo(rest.AsSpan(start + 2));
        }

        return ReadOwning(ParseBody(rest, documentOptions), service.Hook, prefetch);
    }

    /// <summary>The 400 for a body that is not one JSON value; <see cref="JsonException"/>'s message names the line and
    /// byte position, never content.</summary>
    public static CdsRequestException InvalidJson(JsonException error, bool empty)
    {
        ArgumentNullException.ThrowIfNull(error);
        return empty
            ? CdsRequestException.BadRequest("The request body is empty; a CDS Hooks request is a JSON object.", code: "structure")
            : CdsRequestException.BadRequest($"The request body is not valid JSON: {error.Message}", code: "structure");
    }

    private static JsonDocument ParseBody(byte[] utf8, JsonDocumentOptions options)
    {
        try
        {
            return JsonDocument.Parse(utf8, options);
        }
        catch (JsonException e)
        {
            throw InvalidJson(e, utf8.Length == 0);
        }
    }

    /// <summary>
    /// Walks the top-level object, reading each prefetch value the service asks for with
    /// <see cref="FhirJson.ReadValue{T}(ReadOnlySpan{byte}, ref Utf8JsonReader)"/> and skipping the rest. False, with
    /// nothing read, whenever the body needs the document path's checks and messages.
    /// </summary>
    private static bool TryReadPrefetchInPlace(
        ReadOnlySpan<byte> utf8, CdsServiceDefinition service, int maxDepth, out Dictionary<string, PrefetchedValue> prefetch, out (int Start, int End)? prefetchValue)
    {
        prefetch = new Dictionary<string, PrefetchedValue>(StringComparer.Ordinal);
        prefetchValue = default;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // Escaped or repeated member names: the document path decides which one counts.
                if (reader.ValueIsEscaped || !seen.Add(reader.GetString()!))
                {
                    return false;
                }

                var isPrefetch = reader.ValueTextEquals("prefetch"u8);
                reader.Read();
                if (!isPrefetch)
                {
                    reader.Skip();
                    continue;
                }

                var start = checked((int)reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject || !TryReadPrefetchObject(utf8, ref reader, service, prefetch))
                {
                    return false;
                }

                prefetchValue = (start, checked((int)reader.BytesConsumed));
            }

            // One JSON value and nothing after it.
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryReadPrefetchObject(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, CdsServiceDefinition service, Dictionary<string, PrefetchedValue> prefetch)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
            {
                return false; // the document path reports it
            }

            if (!service.Templates.ContainsKey(key))
            {
                // A key the service did not ask for costs no FHIR parse.
                reader.Skip();
                continue;
            }

            prefetch[key] = PrefetchedValue.Read(utf8, ref reader);
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    // On success the request owns the document; on failure the document is disposed.
    private static CdsRequest ReadOwning(JsonDocument document, string serviceHook, Dictionary<string, PrefetchedValue>? readPrefetch)
    {
        try
        {
            return ReadCore(document, serviceHook, readPrefetch);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static CdsRequest ReadCore(JsonDocument document, string serviceHook, Dictionary<string, PrefetchedValue>? readPrefetch)
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
            ReadPrefetch = readPrefetch ?? [],
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
