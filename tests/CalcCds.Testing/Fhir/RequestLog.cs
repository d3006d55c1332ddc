namespace CalcCds.Testing.Fhir;

/// <summary>
/// Thread-safe record of requests and of how many were in flight at once. A request counts as ended
/// just before its response starts, so a strictly sequential client can never appear concurrent.
/// </summary>
internal sealed class RequestLog(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly List<bool> ended = [];
    private int inFlight;
    private int maxInFlight;

    public DateTimeOffset Now => time.GetUtcNow();

    public int MaxInFlight
    {
        get
        {
            lock (gate)
            {
                return maxInFlight;
            }
        }
    }

    public int Begin(RecordedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
            ended.Add(false);
            inFlight++;
            maxInFlight = Math.Max(maxInFlight, inFlight);
            return requests.Count - 1;
        }
    }

    /// <summary>Marks the request ended; later calls for the same request are ignored.</summary>
    public void End(int index, int? statusCode, string? fault)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            // A Clear() since Begin() makes the index stale; the request no longer belongs to this log.
            if (index >= requests.Count || ended[index])
            {
                return;
            }

            ended[index] = true;
            inFlight--;
            requests[index] = requests[index] with { EndedAt = now, StatusCode = statusCode, Fault = fault };
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
            ended.Clear();
            inFlight = 0;
            maxInFlight = 0;
        }
    }
}
