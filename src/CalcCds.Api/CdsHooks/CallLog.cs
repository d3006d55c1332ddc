using CalcCds.Hooks.Protocol;

namespace CalcCds.Api.CdsHooks;

/// <summary>
/// The operator's one line per hook call. Source-generated, so a call formats it without boxing its numbers or
/// re-reading the template, and not at all when Information is off for the category.
/// </summary>
internal static partial class CallLog
{
    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Evaluated {Service} for hookInstance {HookInstance}: {CardCount} card(s), {Fetched} prefetch key(s) fetched, {ElapsedMs:F1} ms")]
    public static partial void Evaluated(ILogger<CdsRequest> logger, string service, string hookInstance, int cardCount, int fetched, double elapsedMs);
}
