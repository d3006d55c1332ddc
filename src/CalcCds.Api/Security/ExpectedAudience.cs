namespace CalcCds.Api.Security;

/// <summary>
/// The <c>aud</c> a CDS client must put in its token: the exact URL it called (CDS Hooks 2.0, "Trusting
/// CDS Clients"). With <see cref="CdsSecurityOptions.PublicBaseUrl"/> set, the host and scheme of the request
/// are ignored: behind a proxy they are not what the client called, and a spoofed Host header must not be able
/// to make a token minted for someone else's service match ours.
/// </summary>
internal static class ExpectedAudience
{
    public static string For(HttpRequest request, Uri? publicBaseUrl)
    {
        if (publicBaseUrl is not null)
        {
            return publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + request.Path.ToUriComponent();
        }

        return request.Scheme + "://" + request.Host.ToUriComponent() + request.PathBase.ToUriComponent()
            + request.Path.ToUriComponent();
    }

    /// <summary>
    /// Exact comparison, except that scheme and host are case-insensitive by URL rules
    /// (<c>https://CDS.example.org/x</c> is the URL <c>https://cds.example.org/x</c>). Paths stay case-sensitive.
    /// </summary>
    public static bool Matches(string audience, string expected)
    {
        if (audience.Length != expected.Length)
        {
            return false;
        }

        var authorityEnd = AuthorityEnd(expected);
        return authorityEnd == AuthorityEnd(audience)
            && string.Compare(audience, 0, expected, 0, authorityEnd, StringComparison.OrdinalIgnoreCase) == 0
            && string.CompareOrdinal(audience, authorityEnd, expected, authorityEnd, expected.Length - authorityEnd) == 0;
    }

    private static int AuthorityEnd(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return 0;
        }

        var pathStart = url.IndexOf('/', schemeEnd + 3);
        return pathStart < 0 ? url.Length : pathStart;
    }
}
