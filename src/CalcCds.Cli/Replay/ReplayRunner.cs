using System.Diagnostics;
using System.Text.Json.Nodes;
using CalcCds.FhirEndpoint;

namespace CalcCds.Cli.Replay;

/// <summary>
/// Replays files through a CDS service: each file served as its own FHIR endpoint on loopback, every patient in it
/// sent through every requested hook, answers reported and checked against expectations.
/// </summary>
internal sealed class ReplayRunner(ReplayOptions options, IReplayReporter reporter)
{
    private static readonly string[] Indicators = ["critical", "warning", "info"];

    private readonly Dictionary<string, int> cardsByIndicator = Indicators.ToDictionary(i => i, _ => 0, StringComparer.Ordinal);
    private int patients;
    private int errors;
    private int expectationFailures;

    /// <summary>Every service the target offers (discovery), so a file whose expectations name another hook gets it.</summary>
    private IReadOnlyList<DiscoveredService> offered = [];

    /// <summary>Told how many files the run has, once they are known (for a progress bar).</summary>
    public Action<int>? FilesFound { get; set; }

    /// <summary>Told after each file.</summary>
    public Action<string>? FileDone { get; set; }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var (files, missing) = InputFiles.Expand(options.Inputs);
        if (missing is not null)
        {
            throw new UsageException($"{missing}: no such file or folder");
        }

        if (files.Count == 0)
        {
            throw new UsageException("no .json files to replay in " + string.Join(", ", options.Inputs));
        }

        var explicitExpectations = options.ExpectFile is null ? null : LoadOrUsage(options.ExpectFile);
        var drafts = options.DraftFile is null ? null : LoadDrafts(options.DraftFile);
        var signer = options.KeyFile is null ? null : RequestSigner.FromKeyFile(options.KeyFile, options.Issuer!, TimeProvider.System);

        await using var fhir = await LoopbackFhirEndpoint.StartAsync(cancellationToken);
        await using var target = options.Service is null
            ? await CdsTarget.StartInProcessAsync(cancellationToken)
            : CdsTarget.Remote(options.Service, signer);

        var services = await DiscoverAsync(target, cancellationToken);
        if (services is null)
        {
            return Finish(files.Count, stopwatch);
        }

        FilesFound?.Invoke(files.Count);
        foreach (var file in files)
        {
            await ReplayFileAsync(file, fhir, target, services, explicitExpectations, drafts, cancellationToken);
            FileDone?.Invoke(file);
        }

        return Finish(files.Count, stopwatch);
    }

    private int Finish(int bundles, Stopwatch stopwatch)
    {
        reporter.Summary(new RunSummary(bundles, patients, cardsByIndicator, errors, expectationFailures, stopwatch.Elapsed));
        return errors > 0 ? ExitCodes.ServiceOrFhirError
            : expectationFailures > 0 ? ExitCodes.ExpectationsFailed
            : ExitCodes.Ok;
    }

    /// <summary>The discovered service for each requested hook, or null (reported) when discovery failed.</summary>
    private async Task<IReadOnlyList<DiscoveredService>?> DiscoverAsync(CdsTarget target, CancellationToken cancellationToken)
    {
        var where = new Uri(target.BaseUrl, "cds-services").AbsoluteUri;
        try
        {
            var answer = await target.DiscoverAsync(cancellationToken);
            if (!answer.IsSuccess)
            {
                Fail(where, $"discovery answered HTTP {answer.StatusCode}: {Excerpt(answer)}");
                return null;
            }

            var all = DiscoveredService.From(answer.Body);
            offered = all;
            var chosen = new List<DiscoveredService>();
            foreach (var hook in options.Hooks)
            {
                if (all.FirstOrDefault(s => s.Hook == hook) is { } service)
                {
                    chosen.Add(service);
                }
                else
                {
                    Fail(where, $"the service offers nothing for hook {hook} (it offers: {string.Join(", ", all.Select(s => s.Hook))})");
                }
            }

            return chosen;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Fail(where, "cannot reach the service: " + ex.Message);
            return null;
        }
    }

    private async Task ReplayFileAsync(
        string file,
        LoopbackFhirEndpoint fhir,
        CdsTarget target,
        IReadOnlyList<DiscoveredService> services,
        Expectations? explicitExpectations,
        IReadOnlyList<JsonObject>? drafts,
        CancellationToken cancellationToken)
    {
        ChartBundle chart;
        Expectations? expectations;
        try
        {
            chart = ChartBundle.Load(file, options.MaxBundleBytes);
            expectations = explicitExpectations ?? (InputFiles.ExpectationsBeside(file) is { } beside ? Expectations.Load(beside) : null);
        }
        catch (Exception ex) when (ex is InputProblemException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            Fail(file, ex.Message);
            return;
        }

        patients += chart.Patients.Count;
        var (fileTarget, dedicated) = (target, (CdsTarget?)null);
        if (expectations is { Settings.Count: > 0 })
        {
            if (target.IsInProcess)
            {
                // The file's expectations hold for a service configured with its settings (e.g. a sarcoma centre).
                dedicated = await CdsTarget.StartInProcessAsync(cancellationToken, expectations.Settings);
                fileTarget = dedicated;
            }
            else
            {
                reporter.Note(file, $"its expectations need service settings ({string.Join(", ", expectations.Settings.Keys)}) that a remote service cannot be given; not checked");
                expectations = null;
            }
        }

        // Order-hook expectations with their own draft orders bring that hook's call even when --hook did not ask for it.
        var fileServices = services;
        if (expectations is { DraftOrders.Count: > 0 } && !services.Any(s => s.Hook == expectations.Hook) && offered.FirstOrDefault(s => s.Hook == expectations.Hook) is { } extra)
        {
            fileServices = [.. services, extra];
        }

        fileTarget.Clock?.Pin(options.AsOf ?? expectations?.AsOf);
        var (slot, baseUrl) = fhir.Add(chart.Resources);
        var checkedExpectations = false;
        try
        {
            foreach (var patient in chart.Patients)
            {
                foreach (var service in fileServices)
                {
                    var result = await CallAsync(chart, patient, service, fhir, slot, baseUrl, fileTarget, drafts, expectations, cancellationToken);
                    checkedExpectations |= result?.ExpectFile is not null;
                }
            }
        }
        finally
        {
            fhir.Remove(slot);
            if (dedicated is not null)
            {
                await dedicated.DisposeAsync();
            }
        }

        if (expectations is not null && !checkedExpectations && fileServices.Any(s => s.Hook == expectations.Hook))
        {
            expectationFailures++;
            reporter.ExpectationMiss(file, expectations.File,
                $"- no {expectations.Hook} call for {(expectations.PatientId is null ? "any patient" : "Patient/" + expectations.PatientId)} in this file");
        }
    }

    private async Task<HookResult?> CallAsync(
        ChartBundle chart,
        ChartPatient patient,
        DiscoveredService service,
        LoopbackFhirEndpoint fhir,
        int slot,
        Uri baseUrl,
        CdsTarget target,
        IReadOnlyList<JsonObject>? drafts,
        Expectations? expectations,
        CancellationToken cancellationToken)
    {
        // The expectations' own draft orders (order samples) are what their call is about; otherwise --draft, else the file's.
        var fromExpectations = expectations is not null && expectations.AppliesTo(service.Hook, patient.Id) && expectations.DraftOrders.Count > 0;
        var orders = fromExpectations ? expectations!.DraftOrders : drafts ?? chart.DraftOrdersFor(patient.Id);
        if (service.Hook != "patient-view" && orders.Count == 0)
        {
            reporter.Note(chart.File, $"{patient.Label}: no draft ServiceRequest, {service.Hook} skipped (give one with --draft)");
            return null;
        }

        var request = HookRequests.Build(service, patient, options.UserId, orders, baseUrl, url => fhir.Resolve(slot, url), options.Prefetch, fromExpectations ? expectations!.Selections : null);
        var what = $"{patient.Label}, {service.Hook}";
        CdsAnswer answer;
        try
        {
            answer = await target.CallAsync(service.Id, request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Fail(chart.File, $"{what}: the service did not answer ({ex.Message})");
            return null;
        }

        if (!answer.IsSuccess || answer.Body is not JsonObject body)
        {
            Fail(chart.File, $"{what}: HTTP {answer.StatusCode}: {Excerpt(answer)}");
            return null;
        }

        var cards = CardView.From(body);
        foreach (var card in cards)
        {
            cardsByIndicator[card.Indicator] = cardsByIndicator.GetValueOrDefault(card.Indicator) + 1;
        }

        var applies = expectations is not null && expectations.AppliesTo(service.Hook, patient.Id);
        var (failures, pending) = applies ? expectations!.Check(cards, target.IsImplemented) : ([], []);
        expectationFailures += failures.Count > 0 ? 1 : 0;
        var result = new HookResult(chart.File, patient, service.Hook, body, cards, applies ? expectations!.File : null, failures, pending);
        reporter.Result(result);
        return result;
    }

    private void Fail(string file, string message)
    {
        errors++;
        reporter.Problem(file, message);
    }

    private static Expectations LoadOrUsage(string file)
    {
        try
        {
            return Expectations.Load(file);
        }
        catch (Exception ex) when (ex is InputProblemException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--expect {file}: {ex.Message}");
        }
    }

    /// <summary>The draft orders of <c>--draft</c>: a Bundle's resources or a single resource.</summary>
    private static List<JsonObject> LoadDrafts(string file)
    {
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                ?? throw new InputProblemException("not a JSON object");
            return FhirJson.ResourceTypeOf(root) switch
            {
                "Bundle" => [.. FhirBundles.ExtractResources(root)],
                null => throw new InputProblemException("not a FHIR resource: no \"resourceType\""),
                _ => [root],
            };
        }
        catch (Exception ex) when (ex is InputProblemException or IOException or UnauthorizedAccessException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new UsageException($"--draft {file}: {ex.Message}");
        }
    }

    private static string Excerpt(CdsAnswer answer)
    {
        // An OperationOutcome says what went wrong in its diagnostics; otherwise show the start of the body.
        var diagnostics = (answer.Body?["issue"] as JsonArray)?.OfType<JsonObject>()
            .Select(i => (string?)i["diagnostics"]).FirstOrDefault(d => d is not null);
        var text = diagnostics ?? (string?)answer.Body?["detail"] ?? (string?)answer.Body?["title"] ?? answer.RawBody;
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
