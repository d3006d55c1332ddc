using System.Text.RegularExpressions;
using CalcCds.Api.Tests.Security;
using CalcCds.Api.Tests.Support;
using CalcCds.Hooks.Protocol;
using CalcCds.Pathway;
using CalcCds.Testing.Fhir;
using Microsoft.Extensions.Logging;

namespace CalcCds.Api.Tests;

/// <summary>The operator's per-call record: one Information line per answered hook call.</summary>
public sealed partial class CallLogTests
{
    [Fact]
    public async Task AnAnsweredCallLogsItsServiceHookInstanceCardsFetchesAndTime()
    {
        using var logs = new LogCapture();
        await using var factory = new CalcCdsFactory(loggerProvider: logs);
        await using var fhir = await FhirTestServer.StartAsync();
        fhir.LoadSample("narrative-only-right-calf");
        using var client = factory.CreateLoopbackClient();
        var request = HookRequests.PatientView("nrc-patient").WithFhirServer(fhir);
        var hookInstance = (string)request["hookInstance"]!;

        using var response = await client.PostAsync("/cds-services/" + PathwayServices.PatientViewId, request.Json());

        Assert.Equal(200, (int)response.StatusCode);
        var cards = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray().Count;
        var line = Assert.Single(logs.Entries, e => e.Category == typeof(CdsRequest).FullName && e.Text.StartsWith("Evaluated ", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        var match = EvaluatedLine().Match(line.Text);
        Assert.True(match.Success, line.Text);
        Assert.Equal(PathwayServices.PatientViewId, match.Groups["service"].Value);
        Assert.Equal(hookInstance, match.Groups["hook"].Value);
        Assert.Equal(cards, int.Parse(match.Groups["cards"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(int.Parse(match.Groups["fetched"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0); // no prefetch sent: every key fetched
    }

    [GeneratedRegex(@"^Evaluated (?<service>\S+) for hookInstance (?<hook>\S+): (?<cards>\d+) card\(s\), (?<fetched>\d+) prefetch key\(s\) fetched, \d+\.\d ms ")]
    private static partial Regex EvaluatedLine();
}
