using System.ComponentModel.DataAnnotations;

namespace CalcCds.Api.Operations;

/// <summary>
/// The analytics endpoint's credential, bound from <c>CalcCds:Admin</c>. It is a separate key rather than a CDS client
/// token: the callers are a governance committee's tools, not EHRs, and an EHR's token must not read other sites'
/// override statistics. Unset, the analytics endpoint answers 404.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "CalcCds:Admin";

    public const string HeaderName = "X-CalcCds-Admin-Key";

    /// <summary>At least 32 characters; generate with e.g. <c>openssl rand -base64 32</c>.</summary>
    [MinLength(32)]
    public string? ApiKey { get; set; }
}
