using System.Text.Json.Serialization;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;

namespace CalcCds.Hooks.Protocol;

/// <summary>The body of a 200 answer to a service call. <c>cards</c> is always present, possibly empty.</summary>
public sealed record CdsResponse
{
    public required IReadOnlyList<Card> Cards { get; init; }

    public IReadOnlyList<CardAction>? SystemActions { get; init; }

    public static CdsResponse Empty { get; } = new() { Cards = [] };
}

/// <summary>A CDS Hooks card. Optional lists are null rather than empty so they are omitted on the wire.</summary>
public sealed record Card
{
    public required string Uuid { get; init; }

    public required string Summary { get; init; }

    /// <summary>Markdown, a line break every sentence or two: written by <see cref="EscapedStringConverter"/>.</summary>
    [JsonConverter(typeof(EscapedStringConverter))]
    public string? Detail { get; init; }

    public required CardIndicator Indicator { get; init; }

    public required CardSource Source { get; init; }

    public IReadOnlyList<Suggestion>? Suggestions { get; init; }

    public SelectionBehavior? SelectionBehavior { get; init; }

    public IReadOnlyList<CdsCoding>? OverrideReasons { get; init; }

    public IReadOnlyList<CardLink>? Links { get; init; }

    /// <summary>What the service knows about the card but the EHR does not need: never serialized.</summary>
    [JsonIgnore]
    public CardTrace? Trace { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<CardIndicator>))]
public enum CardIndicator
{
    [JsonStringEnumMemberName("info")]
    Info,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("critical")]
    Critical,
}

/// <summary>Names of <see cref="CardIndicator"/> outside JSON (metric tags, stored rows).</summary>
public static class CardIndicatorNames
{
    /// <summary>The indicator's CDS Hooks wire name ("info", "warning", "critical"), without allocating.</summary>
    public static string Code(this CardIndicator indicator) => indicator switch
    {
        CardIndicator.Info => "info",
        CardIndicator.Warning => "warning",
        CardIndicator.Critical => "critical",
        _ => indicator.ToString().ToLowerInvariant(),
    };
}

[JsonConverter(typeof(JsonStringEnumConverter<SelectionBehavior>))]
public enum SelectionBehavior
{
    [JsonStringEnumMemberName("at-most-one")]
    AtMostOne,

    [JsonStringEnumMemberName("any")]
    Any,
}

public sealed record CardSource
{
    public required string Label { get; init; }

    public string? Url { get; init; }

    public string? Icon { get; init; }

    public CdsCoding? Topic { get; init; }
}

/// <summary>The CDS Hooks Coding: <c>system</c> and <c>code</c> are required, <c>display</c> optional.</summary>
public sealed record CdsCoding(string System, string Code, string? Display = null);

public sealed record Suggestion
{
    public required string Label { get; init; }

    public string? Uuid { get; init; }

    public bool? IsRecommended { get; init; }

    public IReadOnlyList<CardAction>? Actions { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ActionType>))]
public enum ActionType
{
    [JsonStringEnumMemberName("create")]
    Create,

    [JsonStringEnumMemberName("update")]
    Update,

    [JsonStringEnumMemberName("delete")]
    Delete,
}

public sealed record CardAction
{
    public required ActionType Type { get; init; }

    public required string Description { get; init; }

    [JsonConverter(typeof(ResourceJsonConverter))]
    public Resource? Resource { get; init; }

    public string? ResourceId { get; init; }
}

public sealed record CardLink
{
    public required string Label { get; init; }

    public required string Url { get; init; }

    public required string Type { get; init; }

    public string? AppContext { get; init; }
}
