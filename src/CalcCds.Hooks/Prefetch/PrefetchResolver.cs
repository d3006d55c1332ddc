using System.Diagnostics;
using System.Text.Json;
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
/// A gap that cannot be filled makes the call fail with 412, because answering on partial data could hide a red flag.
/// </summary>
public sealed class PrefetchResolver(IFhirClientFactory clientFactory, ILogger<PrefetchResolver> logger)
{
    public async Task<PrefetchSet> ResolveAsync(CdsServiceDefinition service, CdsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);

        var values = new Dictionary<string, PrefetchValue>(StringComparer.Ordinal);
        var gaps = new List<(string Key, string Query)>();
        var parseIssues = new List<CdsIssue>();
        foreach (var (key, template) in service.Templates)
        {
            if (request.Prefetch.TryGetValue(key, out var raw))
            {
                var resource = ReadPrefetched(key, raw, parseIssues);
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
            await FillGapsAsync(request, gaps, values, cancellationToken);
        }

        return new PrefetchSet(values);
    }

    private static Resource? ReadPrefetched(string key, JsonElement raw, List<CdsIssue> issues)
    {
        if (raw.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return FhirJson.Parse<Resource>(raw);
        }
        catch (FhirParseException e)
        {
            issues.Add(new("invalid", $"'prefetch.{key}' is not valid FHIR R4: {e.Message}", $"prefetch.{key}"));
            return null;
        }
    }

    private async Task FillGapsAsync(CdsRequest request, List<(string Key, string Query)> gaps, Dictionary<string, PrefetchValue> values, CancellationToken cancellationToken)
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
        var results = await Task.WhenAll(gaps.Select(g => FetchAsync(client, g.Key, g.Query, cancellationToken)));
        logger.LogInformation(
            "Fetched {GapCount} prefetch gap(s) for hookInstance {HookInstance} in {ElapsedMs:F0} ms",
            gaps.Count,
            request.HookInstance,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        var failures = new List<CdsIssue>();
        foreach (var result in results)
        {
            if (result.Issue is not null)
            {
                failures.Add(result.Issue);
            }
            else
            {
                values[result.Key] = new PrefetchValue(result.Resource, PrefetchSource.Fetched);
            }
        }

        if (failures.Count > 0)
        {
            throw CdsRequestException.PreconditionFailed(failures);
        }
    }

    private async Task<FetchResult> FetchAsync(IFhirClient client, string key, string query, CancellationToken cancellationToken)
    {
        try
        {
            return new FetchResult(key, await client.GetAsync(query, cancellationToken), null);
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

    private sealed record FetchResult(string Key, Resource? Resource, CdsIssue? Issue);
}
