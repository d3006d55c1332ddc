namespace CalcCds.Cli;

/// <summary>Process exit codes, documented in <c>calccds replay --help</c>, <c>calccds feedback report --help</c>,
/// docs/replay.md and the README. For the report, 3 means the store or the service could not give it.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int ExpectationsFailed = 1;
    public const int Usage = 2;
    public const int ServiceOrFhirError = 3;
}
