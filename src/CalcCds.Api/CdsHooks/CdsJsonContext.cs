using System.Text.Json;
using System.Text.Json.Serialization;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Api.CdsHooks;

/// <summary>Source-generated JSON for everything the CDS endpoints write. Absent values are omitted, never null.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DiscoveryResponse))]
[JsonSerializable(typeof(CdsResponse))]
public sealed partial class CdsJsonContext : JsonSerializerContext;
