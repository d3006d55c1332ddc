using System.Text.Json.Serialization;

namespace CalcCds.Storage;

/// <summary>Source-generated JSON for the one list stored as JSON text (accepted suggestion ids).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
