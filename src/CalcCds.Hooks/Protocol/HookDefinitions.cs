namespace CalcCds.Hooks.Protocol;

/// <summary>The kind of JSON value a context field must hold.</summary>
public enum ContextFieldKind
{
    String,
    StringArray,
    Bundle,
}

public sealed record ContextField(string Name, ContextFieldKind Kind, bool Required);

/// <summary>
/// The hooks CalcCds answers and their context fields, as defined by the CDS Hooks hook library 1.0.1
/// (patient-view, order-select, order-sign). Unknown context fields are accepted and ignored.
/// </summary>
public static class HookDefinitions
{
    public const string PatientView = "patient-view";
    public const string OrderSelect = "order-select";
    public const string OrderSign = "order-sign";

    private static readonly Dictionary<string, IReadOnlyList<ContextField>> Fields = new(StringComparer.Ordinal)
    {
        [PatientView] =
        [
            new("userId", ContextFieldKind.String, Required: true),
            new("patientId", ContextFieldKind.String, Required: true),
            new("encounterId", ContextFieldKind.String, Required: false),
        ],
        [OrderSelect] =
        [
            new("userId", ContextFieldKind.String, Required: true),
            new("patientId", ContextFieldKind.String, Required: true),
            new("encounterId", ContextFieldKind.String, Required: false),
            new("selections", ContextFieldKind.StringArray, Required: true),
            new("draftOrders", ContextFieldKind.Bundle, Required: true),
        ],
        [OrderSign] =
        [
            new("userId", ContextFieldKind.String, Required: true),
            new("patientId", ContextFieldKind.String, Required: true),
            new("encounterId", ContextFieldKind.String, Required: false),
            new("draftOrders", ContextFieldKind.Bundle, Required: true),
        ],
    };

    public static bool IsKnown(string hook) => Fields.ContainsKey(hook);

    public static IReadOnlyList<ContextField> ContextFields(string hook) =>
        Fields.TryGetValue(hook, out var fields) ? fields : [];
}
