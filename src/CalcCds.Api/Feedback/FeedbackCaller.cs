using System.Security.Claims;
using CalcCds.Storage;

namespace CalcCds.Api.Feedback;

/// <summary>Stamps feedback with who sent it: the authenticated CDS client's <c>iss</c> and <c>tenant</c> claims.</summary>
public static class FeedbackCaller
{
    public static IReadOnlyList<FeedbackEntry> Attribute(IReadOnlyList<FeedbackEntry> entries, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return entries;
        }

        // Claims are not mapped (MapInboundClaims=false), so they keep their JWT names.
        var issuer = user.FindFirst("iss")?.Value;
        var tenant = user.FindFirst("tenant")?.Value;
        return entries.Select(e => e with { Issuer = issuer, Tenant = tenant }).ToList();
    }
}
