namespace CalcCds.Testing.Fhir;

/// <summary>What the server does instead of (or before) serving a request that a fault rule matched.</summary>
public abstract record FaultAction
{
    private protected FaultAction()
    {
    }

    /// <summary>Wait, then serve normally. A client that gives up earlier aborts the wait.</summary>
    public static FaultAction Delay(TimeSpan duration) => new DelayFault(duration);

    /// <summary>
    /// Answer with an error status and an OperationOutcome body. 429 and 503 carry <c>Retry-After</c>
    /// (<paramref name="retryAfter"/>, default 1 s); 401 carries <c>WWW-Authenticate: Bearer</c>.
    /// </summary>
    public static FaultAction Status(int statusCode, TimeSpan? retryAfter = null) => new StatusFault(statusCode, retryAfter);

    /// <summary>200 with an HTML page, as a misconfigured proxy or login page would send.</summary>
    public static FaultAction NonJsonBody { get; } = new NonJsonBodyFault();

    /// <summary>200 <c>application/fhir+json</c> with well-formed JSON that is not a FHIR resource (no resourceType).</summary>
    public static FaultAction NotFhirJson { get; } = new NotFhirJsonFault();

    /// <summary>Abort the connection without any response.</summary>
    public static FaultAction DropConnection { get; } = new DropConnectionFault();

    /// <summary>Short name recorded in <see cref="RecordedRequest.Fault"/>.</summary>
    public abstract string Name { get; }
}

public sealed record DelayFault(TimeSpan Duration) : FaultAction
{
    public override string Name => "delay";
}

public sealed record StatusFault(int StatusCode, TimeSpan? RetryAfter) : FaultAction
{
    public override string Name => "status-" + StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record NonJsonBodyFault : FaultAction
{
    public override string Name => "non-json-body";
}

public sealed record NotFhirJsonFault : FaultAction
{
    public override string Name => "not-fhir-json";
}

public sealed record DropConnectionFault : FaultAction
{
    public override string Name => "drop-connection";
}
