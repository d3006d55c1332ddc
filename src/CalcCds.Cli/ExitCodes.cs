namespace CalcCds.Cli;

/// <summary>Process exit codes, documented in <c>calccds replay --help</c> and docs/replay.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int ExpectationsFailed = 1;
    public const int Usage = 2;
    public const int ServiceOrFhirError = 3;
}
