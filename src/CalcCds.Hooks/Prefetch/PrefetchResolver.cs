using System.Diagnostics;
using CalcCds.Fhir.Client;
using CalcCds.Fhir.Model;
using CalcCds.Fhir.Serialization;
using CalcCds.Hooks.Protocol;
using CalcCds.Hooks.Services;
using Microsoft.Extensions.Logging;

namespace CalcCds.Hooks.Prefetch;

/// <summary>
/// Turns what the EHR prefetched into a complete <see cref="PrefetchSet"/>. Keys the EHR answered (a resource, JSON
/// <c>null</c> for "read found nothing", an empty Bundle for "search found nothing") are used as they are. Keys it
/// left out, or answered with an OperationOutcome, are gaps: all gaps are fetched from <c>fhirServer</c> at once.
/// A gap that cannot be filled makes the call fail with 412, because answering on partial data could hide a red flag;
/// so does a gap still being fetched when the evaluation deadline runs out (its fetch is cancelled).
/// </summary>
public sealed class PrefetchResolver(IFhirClientFactory clientFactory, ILogger<PrefetchResolver> logger)
{
    public Task<PrefetchSet> ResolveAsync(CdsServiceDefinition service, CdsRequest request, CancellationToken cancellationToken) =>
        ResolveAsync(service, request, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <param name="service">The called service, whose templates say which keys are needed.</param>
    /// <param name="request">The call, with what the EHR prefetched.</param>
    /// <param name="deadline">How long gap fetches may take (<see cref="Timeout.InfiniteTimeSpan"/>: no limit of our
    /// own). Fetches still running then are cancelled and the call fails with 412, issue code <c>timeout</c>.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    public async Task<PrefetchSet> ResolveAsync(CdsServiceDefinition service, CdsRequest request, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);

        var values = new Dictionary<string, PrefetchValue>(StringComparer.Ordinal);
        var gaps = new List<(string Key, string Query)>();
        var parseIssues = new List<CdsIssue>();
        foreach (var (key, template) in service.Templates)
        {
            if (TryGetPrefetched(request, key, parseIssues, out var resource))
            {
                if (resource is not OperationOutcome)
                {
                    values[key] = new PrefetchValue(resource, PrefetchSource.Request);
                    continue;
                }
            }

            var query = template.Resolve(request.Context);
            if (query is null)
            {
                values[key] = new PrefetchValue(null, PrefetchSource.NotApplicable);
                continue;
            }

            gaps.Add((key, query));
        }

        if (parseIssues.Count > 0)
        {
            throw new CdsRequestException(400, parseIssues);
        }

        if (gaps.Count > 0)
        {
            await FillGapsAsync(request, gaps, values, deadline, cancellationToken);
        }

        return new PrefetchSet(values);
    }

    // What the EHR sent for the key: read while the body was parsed, or read now from its raw JSON.
    private static bool TryGetPrefetched(CdsRequest request, string key, List<CdsIssue> issues, out Resource? resource)
    {
        if (!request.ReadPrefetch.TryGetValue(key, out var read))
        {
            if (!request.Prefetch.TryGetValue(key, out var raw))
            {
                resource = null;
                return false;
            }

            read = PrefetchedValue.Read(raw);
        }

        if (read.Error is not null)
        {
            issues.Add(new("invalid", $"'prefetch.{key}' is not valid FHIR R4: {read.Error}", $"prefetch.{key}"));
        }

        resource = read.Resource;
        return true;
    }

    private async Task FillGapsAsync(
        CdsRequest request, List<(string Key, string Query)> gaps, Dictionary<string, PrefetchValue> values, TimeSpan deadline, CancellationToken cancellationToken)
    {
        if (request.FhirServer is null)
        {
            var missing = gaps.Select(g => new CdsIssue(
                "incomplete",
                $"Prefetch '{g.Key}' was not provided and the request has no 'fhirServer' to fetch it from.",
                $"prefetch.{g.Key}")).ToList();
            throw CdsRequestException.PreconditionFailed(missing);
        }

        var client = clientFactory.Create(request.FhirServer, request.FhirAuthorization?.AccessToken);
        var started = Stopwatch.GetTimestamp();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (deadline != Timeout.InfiniteTimeSpan)
        {
            budget.CancelAfter(deadline > TimeSpan.Zero ? deadline : TimeSpan.Zero);
        }

        var fetches = new Task<FetchResult>[gaps.Count];
        for (var i = 0; i < gaps.Count; i++)
        {
            fetches[i] = FetchAsync(client, gaps[i].Key, gaps[i].Query, budget.Token, cancellationToken);
        }

        var results = await Task.WhenAll(fetches);
        logger.LogInformation(
            "Fetched {GapCount} prefetch gap(s) for hookInstance {HookInstance} in {ElapsedMs:F0} ms",
            gaps.Count,
            request.HookInstance,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        var failures = new List<CdsIssue>();
        var late = new List<string>();
        foreach (var result in results)
        {
            if (result.Issue is not null)
            {
                failures.Add(result.Issue);
                if (result.PastDeadline)
                {
                    late.Add(result.Key);
                }
            }
            else
            {
                values[result.Key] = new PrefetchValue(result.Resource, PrefetchSource.Fetched);
            }
        }

        if (late.Count > 0)
        {
            logger.LogWarning(
                "Evaluation deadline ({DeadlineMs:F0} ms) reached for hookInstance {HookInstance}: prefetch {Keys} not fetched, outstanding fetches cancelled",
                deadline.TotalMilliseconds,
                request.HookInstance,
                string.Join(", ", late));
        }

        if (failures.Count > 0)
        {
            throw CdsRequestException.PreconditionFailed(failures);
        }
    }

    private async Task<FetchResult> FetchAsync(IFhirClient client, string key, string query, CancellationToken budget, CancellationToken callerGone)
    {
        try
        {
            return new FetchResult(key, await client.GetAsync(query, budget), null);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !callerGone.IsCancellationRequested)
        {
            return new FetchResult(key, null, new CdsIssue("timeout", $"Prefetch '{key}' was not fetched within the evaluation deadline; the fetch was cancelled.", $"prefetch.{key}"))
            {
                PastDeadline = true,
            };
        }
        catch (FhirClientException e) when (e.Kind == FhirClientErrorKind.NotFound && !query.Contains('?', StringComparison.Ordinal))
        {
            // A read that finds nothing is an answer ("no such resource"), exactly like a prefetched null.
            return new FetchResult(key, null, null);
        }
        catch (FhirClientException e)
        {
            logger.LogWarning("Prefetch {Key} could not be fetched: {Kind} (HTTP {Status})", key, e.Kind, e.StatusCode);
            var code = e.Kind == FhirClientErrorKind.Timeout ? "timeout" : "incomplete";
            return new FetchResult(key, null, new CdsIssue(code, $"Prefetch '{key}' could not be fetched from the FHIR server: {Describe(e)}", $"prefetch.{key}"));
        }
        catch (FhirParseException e)
        {
            logger.LogWarning("Prefetch {Key}: the FHIR server answered with content that is not valid FHIR R4 at {Path}", key, e.Path);
            return new FetchResult(key, null, new CdsIssue("incomplete", $"Prefetch '{key}': the FHIR server's answer is not valid FHIR R4.", $"prefetch.{key}"));
        }
    }

    private static string Describe(FhirClientException e) => e.Kind switch
    {
        FhirClientErrorKind.Unauthorized => "the server refused the access token (401).",
        FhirClientErrorKind.Forbidden => "the access token does not allow this search (403).",
        FhirClientErrorKind.NotFound => "the server does not support this search (404).",
        FhirClientErrorKind.TooManyRequests => "the server is rate-limiting requests (429).",
        FhirClientErrorKind.ServerError => $"the server failed ({e.StatusCode}).",
        FhirClientErrorKind.Timeout => "the server did not answer in time.",
        FhirClientErrorKind.Unreachable => "the server could not be reached.",
        FhirClientErrorKind.InvalidResponse => "the answer was not a FHIR resource.",
        _ => $"unexpected HTTP status {e.StatusCode}.",
    };

    private sealed record FetchResult(string Key, Resource? Resource, CdsIssue? Issue)
    {
        public bool PastDeadline { get; init; }
    }
}
