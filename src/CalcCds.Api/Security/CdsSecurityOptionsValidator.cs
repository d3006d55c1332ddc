using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Security;

/// <summary>
/// Cross-field rules for <see cref="CdsSecurityOptions"/>, run at start-up so a bad configuration stops the
/// service with a message that says what to fix instead of refusing every request later.
/// </summary>
internal sealed class CdsSecurityOptionsValidator(IHostEnvironment env) : IValidateOptions<CdsSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsSecurityOptions options)
    {
        var failures = new List<string>();
        ValidateMode(options, failures);
        ValidateAlgorithms(options, failures);
        ValidatePublicBaseUrl(options, failures);
        ValidateNested(options.Limits, "Limits", failures);
        ValidateCors(options.Cors, failures);
        ValidateIssuers(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateMode(CdsSecurityOptions options, List<string> failures)
    {
        if (options.Mode == SecurityMode.Disabled && !env.IsDevelopment())
        {
            failures.Add(
                $"{CdsSecurityOptions.SectionName}:Mode=Disabled is only allowed in the Development environment " +
                $"(current: '{env.EnvironmentName}'). Configure trusted issuers instead.");
        }

        if (options.Mode == SecurityMode.Jwt && options.Issuers.Count == 0)
        {
            failures.Add(
                $"No trusted issuer configured: {CdsSecurityOptions.SectionName}:Issuers is empty, so no CDS client " +
                "could ever be authenticated. Add at least one issuer with JwksUrl, JwksFile, Jwks or AllowedJku" +
                (env.IsDevelopment() ? $", or set {CdsSecurityOptions.SectionName}:Mode=Disabled for local development." : "."));
        }
    }

    private static void ValidateAlgorithms(CdsSecurityOptions options, List<string> failures)
    {
        foreach (var alg in options.AllowedAlgorithms)
        {
            if (SigningAlgorithms.IsForbidden(alg))
            {
                failures.Add(
                    $"{CdsSecurityOptions.SectionName}:AllowedAlgorithms contains '{alg}': 'none' and symmetric (HS*) " +
                    "algorithms are forbidden by CDS Hooks and are never accepted. Remove it.");
            }
            else if (!SigningAlgorithms.IsSupportedAsymmetric(alg))
            {
                failures.Add(
                    $"{CdsSecurityOptions.SectionName}:AllowedAlgorithms contains unknown algorithm '{alg}'. " +
                    "Use ES256/384/512, RS256/384/512 or PS256/384/512.");
            }
        }
    }

    private static void ValidatePublicBaseUrl(CdsSecurityOptions options, List<string> failures)
    {
        if (options.PublicBaseUrl is { } url
            && (!url.IsAbsoluteUri || !IsHttp(url) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)))
        {
            failures.Add(
                $"{CdsSecurityOptions.SectionName}:PublicBaseUrl must be an absolute http(s) URL without query or " +
                "fragment, e.g. https://cds.example.org.");
        }
    }

    private static void ValidateCors(CdsCorsOptions cors, List<string> failures)
    {
        foreach (var origin in cors.AllowedOrigins)
        {
            var valid = Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && IsHttp(uri)
                && uri.AbsolutePath == "/"
                && !origin.EndsWith('/')
                && string.IsNullOrEmpty(uri.Query);
            if (!valid)
            {
                failures.Add(
                    $"{CdsSecurityOptions.SectionName}:Cors:AllowedOrigins entry '{origin}' is not an origin " +
                    "(scheme://host[:port], no path, no wildcard).");
            }
        }
    }

    private void ValidateIssuers(CdsSecurityOptions options, List<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Issuers.Count; i++)
        {
            var issuer = options.Issuers[i];
            var where = $"{CdsSecurityOptions.SectionName}:Issuers:{i}";
            if (string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                failures.Add($"{where}:Issuer is required (the exact 'iss' value of the CDS client's tokens).");
                continue;
            }

            where += $" ('{issuer.Issuer}')";
            if (!seen.Add(issuer.Issuer))
            {
                failures.Add($"{where} is configured twice.");
            }

            var sources = (issuer.JwksUrl is null ? 0 : 1)
                + (string.IsNullOrWhiteSpace(issuer.JwksFile) ? 0 : 1)
                + (string.IsNullOrWhiteSpace(issuer.Jwks) ? 0 : 1);
            if (sources > 1)
            {
                failures.Add($"{where}: set only one of JwksUrl, JwksFile and Jwks.");
            }
            else if (sources == 0 && issuer.AllowedJku.Count == 0)
            {
                failures.Add($"{where}: no key source. Set JwksUrl, JwksFile or Jwks, or list AllowedJku.");
            }

            if (issuer.JwksUrl is { } jwksUrl)
            {
                ValidateFetchUrl(jwksUrl, $"{where}:JwksUrl", failures);
            }

            foreach (var jku in issuer.AllowedJku)
            {
                ValidateFetchUrl(jku, $"{where}:AllowedJku", failures);
            }

            if (!string.IsNullOrWhiteSpace(issuer.JwksFile))
            {
                ValidateJwksText(() => File.ReadAllText(ResolvePath(issuer.JwksFile)), $"{where}:JwksFile", failures);
            }

            if (!string.IsNullOrWhiteSpace(issuer.Jwks))
            {
                ValidateJwksText(() => issuer.Jwks, $"{where}:Jwks", failures);
            }
        }
    }

    /// <summary>Keys travel over TLS; plain http is tolerated only for loopback (tests, local tools).</summary>
    private static void ValidateFetchUrl(Uri url, string where, List<string> failures)
    {
        if (!url.IsAbsoluteUri || !IsHttp(url))
        {
            failures.Add($"{where} '{url}' must be an absolute https URL.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
        {
            failures.Add($"{where} '{url}' must use https (http is allowed for loopback addresses only).");
        }
    }

    private static void ValidateJwksText(Func<string> read, string where, List<string> failures)
    {
        try
        {
            var count = JwksParser.SigningKeys(read()).Count;
            if (count == 0)
            {
                failures.Add($"{where} holds no EC or RSA signing key with a kid.");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            failures.Add($"{where} cannot be read as a JWKS: {ex.Message}");
        }
    }

    private static void ValidateNested(object value, string where, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{CdsSecurityOptions.SectionName}:{where}: {r.ErrorMessage}"));
        }
    }

    private string ResolvePath(string path) => Path.GetFullPath(path, env.ContentRootPath);

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;
}
