using System.Text.Json;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Hooks.Protocol;

/// <summary>
/// A validated CDS Hooks service call. Prefetch values stay as raw JSON until the prefetch engine reads them,
/// so a client's unused keys cost nothing. The owning <see cref="JsonDocument"/> lives as long as this object.
/// </summary>
public sealed class CdsRequest : IDisposable
{
    private readonly JsonDocument? document;

    internal CdsRequest(JsonDocument? document)
    {
        this.document = document;
    }

    public required string Hook { get; init; }

    public required string HookInstance { get; init; }

    public Uri? FhirServer { get; init; }

    public FhirAuthorization? FhirAuthorization { get; init; }

    public required HookContext Context { get; init; }

    /// <summary>Prefetch keys the client sent, with their raw values (a resource, or JSON null), for the prefetch engine
    /// to read. Keys already read in the body's single pass are in <see cref="ReadPrefetch"/> instead.</summary>
    public IReadOnlyDictionary<string, JsonElement> Prefetch { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>
    /// Prefetch values the called service asked for, read as FHIR while the body was parsed (see
    /// <see cref="CdsRequestReader.Read(ReadOnlySpan{byte}, Services.CdsServiceDefinition, int)"/>),
    /// so the ~100 KB of a full prefetch is tokenized once.
    /// </summary>
    public IReadOnlyDictionary<string, PrefetchedValue> ReadPrefetch { get; init; } = new Dictionary<string, PrefetchedValue>();

    public void Dispose() => document?.Dispose();
}

/// <summary>A prefetch value read from the request body: the resource, null for JSON <c>null</c>, or why the value is not
/// valid FHIR R4 (<see cref="Error"/>; the prefetch engine reports it as a 400 issue on the key).</summary>
public readonly record struct PrefetchedValue(Resource? Resource, string? Error)
{
    /// <summary>Reads a raw prefetch value (a resource, or JSON <c>null</c>) from the request's document.</summary>
    public static PrefetchedValue Read(JsonElement raw)
    {
        if (raw.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        try
        {
            return new(FhirJson.Parse<Resource>(raw), null);
        }
        catch (FhirParseException e)
        {
            return new(null, e.Message);
        }
    }

    /// <summary>Reads the prefetch value at <paramref name="reader"/>, a reader over the body <paramref name="utf8"/>, in
    /// place (<see cref="FhirJson.ReadValue{T}(ReadOnlySpan{byte}, ref Utf8JsonReader)"/>); the same outcome as
    /// <see cref="Read(JsonElement)"/> for the same bytes.</summary>
    internal static PrefetchedValue Read(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader)
    {
        try
        {
            return new(FhirJson.ReadValue<Resource>(utf8, ref reader), null);
        }
        catch (FhirParseException e)
        {
            return new(null, e.Message);
        }
    }
}

/// <summary>
/// The <c>fhirAuthorization</c> object. The access token is transient: it is used for the FHIR calls of this
/// request only and is never logged or stored. <see cref="ToString"/> never prints it.
/// </summary>
public sealed record FhirAuthorization(string AccessToken, string TokenType, long? ExpiresIn, string? Scope, string? Subject, string? Patient)
{
    public override string ToString() => $"FhirAuthorization {{ TokenType = {TokenType}, Scope = {Scope} }}";
}

/// <summary>The hook's context, typed for the fields of the hooks we serve.</summary>
public sealed record HookContext
{
    public string? UserId { get; init; }

    public string? PatientId { get; init; }

    public string? EncounterId { get; init; }

    public IReadOnlyList<string>? Selections { get; init; }

    public Bundle? DraftOrders { get; init; }

    /// <summary>Root-level primitive context values by name, for <c>{{context.x}}</c> prefetch tokens.</summary>
    public IReadOnlyDictionary<string, string> Primitives { get; init; } = new Dictionary<string, string>();
}
