using System.Net;
using System.Text.Json.Nodes;
using static CalcCds.Fhir.Tests.TestServer.TestResources;

namespace CalcCds.Fhir.Tests.TestServer;

public sealed class SearchTests : ServerTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.AddResources(
        [
            Observation("ca", "Patient/p1", "laboratory", "17861-6", "final", "2026-09-20"),
            Observation("finding", "Patient/p1", "imaging", "33728-7", "preliminary", "2026-11-02T10:15:00+01:00"),
            Observation("other-patient", "Patient/p2", "laboratory", "17861-6", "final", "2026-09-01"),
            Observation("undated", "Patient/p1", "laboratory", "1751-7", "amended"),
            Observation("alb", "Patient/p1", "laboratory", "1751-7", "entered-in-error", "2026-10"),
        ]);
    }

    [Fact]
    public async Task Search_returns_a_searchset_with_total_fullUrls_match_mode_and_self_link()
    {
        var bundle = await GetJsonAsync("Observation?patient=p2");

        Assert.Equal("Bundle", (string?)bundle["resourceType"]);
        Assert.Equal("searchset", (string?)bundle["type"]);
        Assert.Equal(1, (int?)bundle["total"]);
        var entry = bundle["entry"]![0]!;
        Assert.Equal(Server.UrlFor("Observation/other-patient").AbsoluteUri, (string?)entry["fullUrl"]);
        Assert.Equal("match", (string?)entry["search"]!["mode"]);
        Assert.StartsWith(Server.BaseUrl.AbsoluteUri + "Observation?patient=p2", Link(bundle, "self"));
    }

    [Theory]
    [InlineData("patient=p1")]
    [InlineData("patient=Patient/p1")]
    [InlineData("subject=Patient/p1")]
    [InlineData("subject=p1")]
    public async Task Patient_and_subject_accept_bare_id_and_typed_reference(string query)
    {
        var bundle = await GetJsonAsync("Observation?" + query);

        Assert.Equal(["ca", "finding", "undated", "alb"], Ids(bundle));
    }

    [Fact]
    public async Task Patient_matches_absolute_reference_values()
    {
        Server.AddResource(Observation("abs", "http://ehr.example.org/fhir/Patient/p3", "laboratory", "17861-6"));

        var bundle = await GetJsonAsync("Observation?patient=p3");

        Assert.Equal(["abs"], Ids(bundle));
    }

    [Fact]
    public async Task Category_matches_on_code_alone()
    {
        var bundle = await GetJsonAsync("Observation?patient=p1&category=imaging");

        Assert.Equal(["finding"], Ids(bundle));
    }

    [Fact]
    public async Task Category_matches_system_and_code_and_rejects_a_wrong_system()
    {
        Server.AddResource(DiagnosticReport("rad", "p1", "RAD"));
        Server.AddResource(DiagnosticReport("lab", "p1", "LAB"));
        Server.AddResource(new JsonObject
        {
            ["resourceType"] = "DiagnosticReport",
            ["id"] = "local-rad",
            ["category"] = new JsonArray(Concept("http://local.example.org/sections", "RAD")),
            ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
        });

        var bundle = await GetJsonAsync("DiagnosticReport?patient=p1&category=" + Uri.EscapeDataString(V2_0074 + "|RAD"));

        Assert.Equal(["rad"], Ids(bundle));
    }

    [Fact]
    public async Task Status_with_commas_means_any_of()
    {
        var bundle = await GetJsonAsync("Observation?patient=p1&status=final,amended");

        Assert.Equal(["ca", "undated"], Ids(bundle));
    }

    [Fact]
    public async Task Code_matches_as_a_token()
    {
        var bundle = await GetJsonAsync("Observation?code=http://loinc.org|17861-6");

        Assert.Equal(["ca", "other-patient"], Ids(bundle));
    }

    [Fact]
    public async Task Id_selects_by_logical_id()
    {
        var bundle = await GetJsonAsync("Observation?_id=alb,ca");

        Assert.Equal(["ca", "alb"], Ids(bundle));
    }

    [Fact]
    public async Task Repeated_parameters_must_all_match()
    {
        var bundle = await GetJsonAsync("Observation?status=final,amended&status=amended");

        Assert.Equal(["undated"], Ids(bundle));
    }

    [Fact]
    public async Task Sort_descending_date_puts_newest_first_and_undated_last()
    {
        var bundle = await GetJsonAsync("Observation?patient=p1&_sort=-date");

        Assert.Equal(["finding", "alb", "ca", "undated"], Ids(bundle));
    }

    [Fact]
    public async Task Sort_ascending_date_puts_oldest_first_and_undated_still_last()
    {
        var bundle = await GetJsonAsync("Observation?patient=p1&_sort=date");

        Assert.Equal(["ca", "alb", "finding", "undated"], Ids(bundle));
    }

    [Fact]
    public async Task Sort_by_date_falls_back_to_issued()
    {
        var issuedOnly = Observation("issued-only", "Patient/p1", "laboratory", "17861-6");
        issuedOnly["issued"] = "2026-11-20T08:00:00Z";
        Server.AddResource(issuedOnly);

        var bundle = await GetJsonAsync("Observation?patient=p1&_sort=-date");

        Assert.Equal("issued-only", Ids(bundle)[0]);
    }

    [Fact]
    public async Task Sort_descending_started_orders_imaging_studies()
    {
        Server.AddResources([ImagingStudy("old", "p1", "2025-01-05"), ImagingStudy("none", "p1", null), ImagingStudy("new", "p1", "2026-11-02T09:00:00Z")]);

        var bundle = await GetJsonAsync("ImagingStudy?patient=p1&_sort=-started");

        Assert.Equal(["new", "old", "none"], Ids(bundle));
    }

    [Fact]
    public async Task Sort_descending_authored_orders_service_requests()
    {
        Server.AddResources([ServiceRequest("a", "p1", "2026-03-01"), ServiceRequest("b", "p1", "2026-11-01"), ServiceRequest("c", "p1", null)]);

        var bundle = await GetJsonAsync("ServiceRequest?patient=p1&_sort=-authored");

        Assert.Equal(["b", "a", "c"], Ids(bundle));
    }

    [Fact]
    public async Task Unknown_parameters_are_ignored_and_left_out_of_the_self_link()
    {
        var bundle = await GetJsonAsync("Observation?patient=p2&date=ge2026-01-01&_include=Observation:subject");

        Assert.Equal(["other-patient"], Ids(bundle));
        Assert.DoesNotContain("date=", Link(bundle, "self"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_of_a_type_with_no_resources_is_an_empty_searchset_without_entries()
    {
        var bundle = await GetJsonAsync("Procedure?patient=p1");

        Assert.Equal(0, (int?)bundle["total"]);
        Assert.Null(bundle["entry"]);
    }

    [Fact]
    public async Task Invalid_count_is_400_with_operation_outcome()
    {
        using var response = await Http.GetAsync(new Uri("Observation?_count=lots", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OperationOutcome", (string?)(await ReadJsonAsync(response))["resourceType"]);
    }
}
