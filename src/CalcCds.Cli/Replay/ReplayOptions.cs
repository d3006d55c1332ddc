namespace CalcCds.Cli.Replay;

internal enum PrefetchMode
{
    /// <summary>Every prefetch key of the service, computed from its discovery templates.</summary>
    Full,

    /// <summary>No prefetch: the service fetches everything from the loopback FHIR endpoint.</summary>
    None,

    /// <summary>Only the plain reads (e.g. <c>Patient/{{context.patientId}}</c>); the service runs the searches itself.</summary>
    Partial,
}

internal enum OutputFormat
{
    Table,
    Json,
}

/// <summary>Everything <c>calccds replay</c> was asked to do, after the command line was parsed and checked.</summary>
internal sealed record ReplayOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required IReadOnlyList<string> Hooks { get; init; }

    public string? DraftFile { get; init; }

    public required string UserId { get; init; }

    public PrefetchMode Prefetch { get; init; } = PrefetchMode.Full;

    public Uri? Service { get; init; }

    public string? KeyFile { get; init; }

    public string? Issuer { get; init; }

    public OutputFormat Format { get; init; } = OutputFormat.Table;

    public string? ExpectFile { get; init; }

    /// <summary>Pins the in-process service's clock; otherwise an expectation's <c>asOf</c>, otherwise now.</summary>
    public DateOnly? AsOf { get; init; }

    public long MaxBundleBytes { get; init; } = 32L * 1024 * 1024;
}
