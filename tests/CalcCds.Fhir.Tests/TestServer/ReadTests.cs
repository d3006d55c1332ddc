using System.Net;
using CalcCds.Testing.Fhir;

namespace CalcCds.Fhir.Tests.TestServer;

public sealed class ReadTests : ServerTest
{
    [Fact]
    public void BaseUrl_is_loopback_with_fhir_prefix_and_trailing_slash()
    {
        Assert.Equal("127.0.0.1", Server.BaseUrl.Host);
        Assert.NotEqual(0, Server.BaseUrl.Port);
        Assert.Equal("/fhir/", Server.BaseUrl.AbsolutePath);
    }

    [Fact]
    public async Task Read_returns_the_stored_resource_as_fhir_json()
    {
        Server.AddResource(TestResources.Patient("p1"));

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var patient = await ReadJsonAsync(response);
        Assert.Equal("Patient", (string?)patient["resourceType"]);
        Assert.Equal("p1", (string?)patient["id"]);
    }

    [Fact]
    public async Task Read_of_unknown_id_is_404_with_operation_outcome()
    {
        using var response = await Http.GetAsync(new Uri("Patient/nobody", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var outcome = await ReadJsonAsync(response);
        Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
        Assert.Equal("not-found", (string?)outcome["issue"]![0]!["code"]);
    }

    [Fact]
    public async Task AddResource_stores_a_copy_so_later_changes_by_the_caller_do_not_leak()
    {
        var patient = TestResources.Patient("p1");
        Server.AddResource(patient);
        patient["gender"] = "female";

        var served = await GetJsonAsync("Patient/p1");

        Assert.Null(served["gender"]);
    }

    [Fact]
    public async Task AddResource_without_id_assigns_one()
    {
        var reference = Server.AddResource(new() { ["resourceType"] = "Patient" });

        var served = await GetJsonAsync(reference);

        Assert.Equal(reference, "Patient/" + (string?)served["id"]);
    }

    [Fact]
    public async Task Clear_removes_all_resources()
    {
        Server.AddResource(TestResources.Patient("p1"));
        Server.Clear();

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Path_outside_the_fhir_base_is_404()
    {
        using var response = await Http.GetAsync(new Uri(Server.BaseUrl, "/other/Patient/p1"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Non_get_methods_are_405()
    {
        using var response = await Http.PostAsync(new Uri("Patient", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Metadata_returns_a_capability_statement()
    {
        var capability = await GetJsonAsync("metadata");

        Assert.Equal("CapabilityStatement", (string?)capability["resourceType"]);
        Assert.Equal("4.0.1", (string?)capability["fhirVersion"]);
    }

    [Fact]
    public async Task Path_prefix_is_configurable()
    {
        await using var server = await FhirTestServer.StartAsync(new FhirTestServerOptions { PathPrefix = "r4/api" });
        server.AddResource(TestResources.Patient("p1"));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var response = await http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal("/r4/api/", server.BaseUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Reset_forgets_resources_faults_token_and_requests()
    {
        Server.AddResource(TestResources.Patient("p1"));
        Server.Faults.ForAll(FaultAction.Status(500));
        Server.RequiredBearerToken = "t";
        Server.Reset();

        using var response = await Http.GetAsync(new Uri("Patient/p1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(Server.Requests);
    }
}
