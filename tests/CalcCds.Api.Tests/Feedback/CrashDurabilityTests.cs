using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CalcCds.Api.Tests.Support;
using CalcCds.Storage;
using Xunit.Abstractions;

namespace CalcCds.Api.Tests.Feedback;

/// <summary>
/// Kills the real service with SIGKILL in the middle of a burst of feedback posts, restarts it on the same SQLite
/// folder, and checks that every post that was answered 200 is stored. Posts cut off by the kill may or may not be
/// stored (the client never learned the outcome), so only acknowledged ones are required.
/// </summary>
public sealed class CrashDurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int Workers = 24;
    private const int KillAfterAcknowledged = 400;

    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "calccds-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_acknowledged_feedback_entry_survives_a_kill_during_a_burst()
    {
        var acknowledged = new ConcurrentBag<string>();
        var sent = 0;
        var failed = 0;
        Uri address;
        var killedAt = TimeSpan.Zero;
        using (var service = await ServiceProcess.StartAsync(dataFolder))
        {
            var clock = Stopwatch.StartNew();
            address = service.BaseAddress;
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            using var stop = new CancellationTokenSource();
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            async Task Worker()
            {
                while (!stop.IsCancellationRequested)
                {
                    var card = Guid.NewGuid().ToString();
                    Interlocked.Increment(ref sent);
                    try
                    {
                        using var response = await client.PostAsync(FeedbackBodies.Path, FeedbackBodies.Accepted(card, "s-1").Json());
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(card);
                            if (acknowledged.Count >= KillAfterAcknowledged)
                            {
                                killed.TrySetResult();
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref failed);
                        return; // the server is gone
                    }
                }
            }

            var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(Worker)).ToList();
            await killed.Task.WaitAsync(TimeSpan.FromSeconds(120));
            service.Kill();
            killedAt = clock.Elapsed;
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        var restartClock = Stopwatch.StartNew();
        using var restarted = await ServiceProcess.StartAsync(dataFolder);
        using var check = new HttpClient { BaseAddress = restarted.BaseAddress };
        using var ready = await check.GetAsync("/health/ready");
        var restartTime = restartClock.Elapsed;

        await using var store = new SqliteFeedbackStore(dataFolder, TimeSpan.FromSeconds(10));
        var stored = (await store.ListAsync(null, default)).Select(e => e.CardUuid).ToHashSet(StringComparer.Ordinal);
        var lost = acknowledged.Where(card => !stored.Contains(card)).ToList();
        output.WriteLine(
            $"sent {sent}, acknowledged {acknowledged.Count}, cut off by the kill {failed}, stored after restart {stored.Count}, " +
            $"acknowledged but lost {lost.Count}; killed {killedAt.TotalSeconds:F1} s into the burst ({acknowledged.Count / killedAt.TotalSeconds:F0} acknowledged/s); " +
            $"restart to ready {restartTime.TotalSeconds:F1} s");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Empty(lost);
        Assert.True(failed > 0, "the kill should have cut off requests in flight; otherwise the test proved nothing");
    }
}
