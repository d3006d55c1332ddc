namespace CalcCds.Api.Security;

/// <summary>How CDS clients are authenticated.</summary>
public enum SecurityMode
{
    /// <summary>Every CDS endpoint requires a signed JWT from a trusted issuer (the default everywhere).</summary>
    Jwt,

    /// <summary>No authentication. Accepted only in the Development environment, and announced loudly.</summary>
    Disabled,
}
