using static CalcCds.Fhir.Tests.TestServer.TestResources;

namespace CalcCds.Fhir.Tests.TestServer;

public sealed class PagingTests : ServerTest
{
    private void AddObservations(int count)
    {
        for (var i = 0; i < count; i++)
        {
            // Day i of 2026 so that -date sorts them in reverse insertion order.
            var date = new DateOnly(2026, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Server.AddResource(Observation("o" + i, "Patient/p1", "laboratory", "17861-6", "final", date));
        }
    }

    [Fact]
    public async Task Count_limits_the_page_and_total_counts_all_matches()
    {
        AddObservations(7);

        var bundle = await GetJsonAsync("Observation?patient=p1&_count=3");

        Assert.Equal(7, (int?)bundle["total"]);
        Assert.Equal(3, Ids(bundle).Count);
    }

    [Fact]
    public async Task Next_link_is_an_absolute_url_on_the_same_server()
    {
        AddObservations(7);

        var bundle = await GetJsonAsync("Observation?patient=p1&_count=3");
        var next = new Uri(Link(bundle, "next")!);

        Assert.Equal(Server.BaseUrl.Authority, next.Authority);
        Assert.StartsWith(Server.BaseUrl.AbsolutePath + "Observation", next.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Following_next_links_yields_every_match_once_in_sort_order()
    {
        AddObservations(7);
        var seen = new List<string>();
        var pages = 0;

        for (string? url = "Observation?patient=p1&_sort=-date&_count=3"; url is not null; pages++)
        {
            var bundle = await GetJsonAsync(url);
            seen.AddRange(Ids(bundle));
            url = Link(bundle, "next");
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => "o" + i), seen);
    }

    [Fact]
    public async Task Last_page_has_no_next_link()
    {
        AddObservations(4);

        var bundle = await GetJsonAsync("Observation?patient=p1&_count=2&_getpagesoffset=2");

        Assert.Null(Link(bundle, "next"));
        Assert.NotNull(Link(bundle, "previous"));
    }

    [Fact]
    public async Task Default_page_size_is_50()
    {
        AddObservations(51);

        var bundle = await GetJsonAsync("Observation?patient=p1");

        Assert.Equal(50, Ids(bundle).Count);
        Assert.NotNull(Link(bundle, "next"));
    }

    [Fact]
    public async Task Count_zero_returns_only_the_total()
    {
        AddObservations(3);

        var bundle = await GetJsonAsync("Observation?patient=p1&_count=0");

        Assert.Equal(3, (int?)bundle["total"]);
        Assert.Null(bundle["entry"]);
        Assert.Null(Link(bundle, "next"));
    }

    [Fact]
    public async Task Next_link_keeps_the_search_parameters()
    {
        AddObservations(3);
        Server.AddResource(Observation("other", "Patient/p2", "laboratory", "17861-6", "final", "2026-01-01"));

        var first = await GetJsonAsync("Observation?patient=p1&category=laboratory&_count=2");
        var second = await GetJsonAsync(Link(first, "next")!);

        Assert.Equal(["o2"], Ids(second));
        Assert.Equal(3, (int?)second["total"]);
    }
}
