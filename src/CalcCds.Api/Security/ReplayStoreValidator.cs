using CalcCds.Api.Operations;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Security;

/// <summary>A shared replay store that was asked for must exist: refuse to start rather than fall back to memory.</summary>
internal sealed class ReplayStoreValidator(IOptions<StorageOptions> storage) : IValidateOptions<CdsSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsSecurityOptions options)
    {
        if (options.Mode == SecurityMode.Jwt && options.ReplayStore == ReplayStore.PostgreSql && storage.Value.Provider != StorageProvider.PostgreSql)
        {
            return ValidateOptionsResult.Fail(
                $"{CdsSecurityOptions.SectionName}:ReplayStore=PostgreSql needs {StorageOptions.Section}:Provider=PostgreSql " +
                $"and {StorageOptions.Section}:PostgreSqlConnectionString (current provider: {storage.Value.Provider}).");
        }

        return ValidateOptionsResult.Success;
    }
}
