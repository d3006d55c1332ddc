using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CalcCds.Testing.Fhir;

namespace CalcCds.Fhir.Tests.TestServer;

/// <summary>A fresh server and a plain HttpClient on its FHIR base for every test.</summary>
public abstract class ServerTest : IAsyncLifetime
{
    protected FhirTestServer Server { get; private set; } = null!;

    protected HttpClient Http { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Server = await FhirTestServer.StartAsync();
        Http.BaseAddress = Server.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected async Task<JsonObject> GetJsonAsync(string relativeOrAbsolute)
    {
        using var response = await Http.GetAsync(new Uri(relativeOrAbsolute, UriKind.RelativeOrAbsolute));
        Assert.True(response.IsSuccessStatusCode, $"GET {relativeOrAbsolute} -> {(int)response.StatusCode}");
        return await ReadJsonAsync(response);
    }

    protected static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    protected static List<string> Ids(JsonObject bundle) =>
        [.. (bundle["entry"] as JsonArray ?? []).Select(e => (string)e!["resource"]!["id"]!)];

    protected static string? Link(JsonObject bundle, string relation) =>
        (string?)bundle["link"]!.AsArray().FirstOrDefault(l => (string?)l!["relation"] == relation)?["url"];

    protected static HttpRequestMessage Get(string relative, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(relative, UriKind.Relative));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
