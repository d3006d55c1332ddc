using System.Text;
using CalcCds.Hooks.Protocol;

namespace CalcCds.Hooks.Prefetch;

/// <summary>
/// A compiled CDS Hooks 2.0 prefetch template. Only the tokens the specification allows are accepted:
/// <c>{{context.x}}</c> for a root-level primitive of the context, and the four <c>{{user…Id}}</c> tokens derived
/// from <c>context.userId</c>. Substituted values are URL-escaped, so an id can never add query parameters.
/// </summary>
public sealed class PrefetchTemplate
{
    private static readonly Dictionary<string, string> UserTokens = new(StringComparer.Ordinal)
    {
        ["userPractitionerId"] = "Practitioner",
        ["userPractitionerRoleId"] = "PractitionerRole",
        ["userPatientId"] = "Patient",
        ["userRelatedPersonId"] = "RelatedPerson",
    };

    private readonly IReadOnlyList<Segment> segments;

    private PrefetchTemplate(string key, string text, IReadOnlyList<Segment> segments)
    {
        Key = key;
        Text = text;
        this.segments = segments;
    }

    public string Key { get; }

    public string Text { get; }

    /// <summary>True when the template is a search (has a query), false for an instance read.</summary>
    public bool IsSearch => Text.Contains('?', StringComparison.Ordinal);

    /// <exception cref="FormatException">An unclosed or unsupported token.</exception>
    public static PrefetchTemplate Parse(string key, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<Segment>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                segments.Add(new Segment(text[position..], null));
                break;
            }

            if (open > position)
            {
                segments.Add(new Segment(text[position..open], null));
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"Prefetch template '{key}' has an unclosed token.");
            }

            var token = text[(open + 2)..close].Trim();
            var isContext = token.StartsWith("context.", StringComparison.Ordinal) && token.Length > 8 && !token[8..].Contains('.', StringComparison.Ordinal);
            if (!isContext && !UserTokens.ContainsKey(token))
            {
                throw new FormatException($"Prefetch template '{key}' uses '{{{{{token}}}}}', which CDS Hooks 2.0 does not define.");
            }

            segments.Add(new Segment(null, token));
            position = close + 2;
        }

        return new PrefetchTemplate(key, text, segments);
    }

    /// <summary>Fills the tokens from the context; null when a token has no value in this call (the query cannot be formed).</summary>
    public string? Resolve(HookContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = new StringBuilder(Text.Length + 32);
        foreach (var segment in segments)
        {
            if (segment.Literal is not null)
            {
                builder.Append(segment.Literal);
                continue;
            }

            var value = ResolveToken(segment.Token!, context);
            if (value is null)
            {
                return null;
            }

            builder.Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private static string? ResolveToken(string token, HookContext context)
    {
        if (UserTokens.TryGetValue(token, out var resourceType))
        {
            // context.userId is "Practitioner/123": the token applies only when the type matches.
            var userId = context.UserId;
            var prefix = resourceType + "/";
            return userId is not null && userId.StartsWith(prefix, StringComparison.Ordinal) && userId.Length > prefix.Length
                ? userId[prefix.Length..]
                : null;
        }

        return context.Primitives.TryGetValue(token["context.".Length..], out var value) ? value : null;
    }

    private sealed record Segment(string? Literal, string? Token);
}
