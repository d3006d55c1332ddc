using System.Net;
using CalcCds.Api.Tests.Support;

namespace CalcCds.Api.Tests.Feedback;

public sealed class StoreHealthTests
{
    [Fact]
    public async Task Ready_is_healthy_with_a_working_store()
    {
        await using var factory = new CalcCdsFactory();
        using var client = factory.CreateLoopbackClient();

        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Ready_reports_an_unavailable_store_while_live_stays_up()
    {
        // A data folder below a regular file can never be created, whoever runs the test (root included).
        var file = Path.GetTempFileName();
        try
        {
            await using var factory = new CalcCdsFactory(new Dictionary<string, string?> { ["CalcCds:Storage:DataFolder"] = Path.Combine(file, "data") });
            using var client = factory.CreateLoopbackClient();

            using var ready = await client.GetAsync("/health/ready");
            using var live = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Feedback_is_not_acknowledged_when_the_store_is_unavailable()
    {
        var file = Path.GetTempFileName();
        try
        {
            await using var factory = new CalcCdsFactory(new Dictionary<string, string?> { ["CalcCds:Storage:DataFolder"] = Path.Combine(file, "data") });
            using var client = factory.CreateLoopbackClient();

            using var response = await client.PostAsync(FeedbackBodies.Path, FeedbackBodies.Accepted(Guid.NewGuid().ToString(), "s-1").Json());

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [PostgresFact]
    public async Task Ready_reports_a_postgresql_server_that_is_down()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var factory = new CalcCdsFactory(new Dictionary<string, string?>
        {
            ["CalcCds:Storage:Provider"] = "PostgreSql",
            ["CalcCds:Storage:PostgreSqlConnectionString"] = $"Host=127.0.0.1;Port={port};Database=calccds;Username=postgres;Timeout=2",
        });
        using var client = factory.CreateLoopbackClient();

        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [PostgresFact]
    public async Task Feedback_round_trips_through_the_service_on_postgresql()
    {
        await using var factory = new CalcCdsFactory(new Dictionary<string, string?>
        {
            ["CalcCds:Storage:Provider"] = "PostgreSql",
            ["CalcCds:Storage:PostgreSqlConnectionString"] = PostgresFactAttribute.ConnectionString,
        });
        using var client = factory.CreateLoopbackClient();
        var card = Guid.NewGuid().ToString();

        using var response = await client.PostAsync(FeedbackBodies.Path, FeedbackBodies.Overridden(card, "not-relevant").Json());
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CalcCds.Storage.IFeedbackStore>(factory.Services);
        Assert.Equal("not-relevant", Assert.Single(await store.ListAsync(card, default)).OverrideReasonCode);
    }
}
