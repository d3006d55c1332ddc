using System.Security.Cryptography;
using System.Text;
using CalcCds.Api.Operations;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Feedback;

/// <summary>
/// Admits a request only with the configured admin key in <see cref="AdminOptions.HeaderName"/>. Both sides are hashed
/// before the constant-time comparison so neither the key's content nor its length leaks through timing.
/// </summary>
public sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Analytics are disabled", detail: $"Set {AdminOptions.Section}:ApiKey to enable them.");
        }

        var presented = context.HttpContext.Request.Headers[AdminOptions.HeaderName].ToString();
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required", detail: $"Send the configured key in the {AdminOptions.HeaderName} header.");
        }

        return await next(context);
    }
}
