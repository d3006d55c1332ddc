using System.Text;
using System.Text.Json;
using CalcCds.Api.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Tests;

/// <summary>
/// The batched console logger: the framework's formats and options, lines written together within the flush
/// interval, errors and shutdown written at once, order kept, nothing lost unless the queue is full and set to drop.
/// </summary>
public sealed class ConsoleLogTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Lines_of_one_interval_go_out_in_one_write_in_the_order_they_were_logged_in_the_framework_simple_format()
    {
        var console = new Console(Hour);
        var logger = console.Factory.CreateLogger("CalcCds.Test");

        logger.LogInformation(new EventId(7), "first {Value}", 1);
        logger.LogWarning("second");
        logger.LogInformation("third");
        // The writer is waiting out its (one hour) interval.
        Assert.False(await console.Output.WaitForWritesAsync(1, TimeSpan.FromMilliseconds(300)), "a line was written inside the interval");

        console.Dispose(); // shutdown ends the wait and writes everything queued

        var expected = "info: CalcCds.Test[7]\n      first 1\nwarn: CalcCds.Test[0]\n      second\ninfo: CalcCds.Test[0]\n      third\n"
            .Replace("\n", Environment.NewLine, StringComparison.Ordinal);
        Assert.Equal([expected], console.Output.Writes);
        Assert.Empty(console.Error.Writes);
    }

    [Fact]
    public async Task An_error_is_written_at_once_with_the_lines_queued_before_it()
    {
        using var console = new Console(Hour);
        var logger = console.Factory.CreateLogger("CalcCds.Test");

        logger.LogInformation("before");
        logger.LogError("failed");

        Assert.True(await console.Output.WaitForWritesAsync(1), "the error waited for the flush interval");
        var written = Assert.Single(console.Output.Writes);
        Assert.True(written.IndexOf("before", StringComparison.Ordinal) < written.IndexOf("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_interval_each_line_is_written_as_it_comes()
    {
        using var console = new Console(TimeSpan.Zero);
        var logger = console.Factory.CreateLogger("CalcCds.Test");

        logger.LogInformation("one");
        Assert.True(await console.Output.WaitForWritesAsync(1));
        logger.LogInformation("two");
        Assert.True(await console.Output.WaitForWritesAsync(2));

        Assert.Contains("one", console.Output.Writes[0], StringComparison.Ordinal);
        Assert.Contains("two", console.Output.Writes[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_at_or_above_the_stderr_threshold_go_to_stderr()
    {
        var console = new Console(Hour, options => options.LogToStandardErrorThreshold = LogLevel.Warning);
        var logger = console.Factory.CreateLogger("CalcCds.Test");

        logger.LogInformation("plain");
        logger.LogWarning("warned");
        logger.LogInformation("plain again");
        console.Dispose();

        var output = string.Concat(console.Output.Writes);
        var error = string.Concat(console.Error.Writes);
        Assert.Contains("plain", output, StringComparison.Ordinal);
        Assert.Contains("plain again", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warned", output, StringComparison.Ordinal);
        Assert.Contains("warned", error, StringComparison.Ordinal);
        Assert.Equal(2, console.Output.Writes.Count); // the run before the warning and the run after it
    }

    [Fact]
    public void The_json_formatter_and_scopes_are_the_framework_ones()
    {
        var console = new Console(Hour, options => options.FormatterName = ConsoleFormatterNames.Json);
        var logger = console.Factory.CreateLogger("CalcCds.Test");

        using (logger.BeginScope(new Dictionary<string, object> { ["hookInstance"] = "h-1" }))
        {
            logger.LogInformation("inside {Service}", "svc");
        }

        console.Dispose();

        var line = Assert.Single(string.Concat(console.Output.Writes).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("inside svc", json.RootElement.GetProperty("Message").GetString());
        Assert.Equal("CalcCds.Test", json.RootElement.GetProperty("Category").GetString());
        var scope = Assert.Single(json.RootElement.GetProperty("Scopes").EnumerateArray());
        Assert.Equal("h-1", scope.GetProperty("hookInstance").GetString());
    }

    [Fact]
    public void A_full_queue_set_to_drop_reports_how_many_lines_it_dropped()
    {
        using var release = new ManualResetEventSlim();
        var console = new Console(Hour, options =>
        {
            options.MaxQueueLength = 2;
            options.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite;
        }, new RecordingStream { Gate = release });
        var logger = console.Factory.CreateLogger("CalcCds.Test");

        // The writer is held inside a write (a console that does not keep up) while five lines are logged.
        logger.LogError("blocker");
        Assert.True(console.Output.Entered.Wait(TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 5; i++)
        {
            logger.LogInformation("line {Number}", i);
        }

        release.Set();
        console.Dispose();

        var output = string.Concat(console.Output.Writes);
        Assert.Contains("line 0", output, StringComparison.Ordinal);
        Assert.Contains("line 1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2", output, StringComparison.Ordinal);
        Assert.Contains("3 log message(s) dropped", string.Concat(console.Error.Writes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_queue_set_to_wait_loses_nothing_from_concurrent_loggers()
    {
        var console = new Console(TimeSpan.FromMilliseconds(5), options => options.MaxQueueLength = 3);
        var logger = console.Factory.CreateLogger("CalcCds.Test");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                logger.LogInformation("t{Thread}-{Number};", thread, i);
            }
        })));
        console.Dispose();

        var output = string.Concat(console.Output.Writes);
        for (var thread = 0; thread < 4; thread++)
        {
            var at = -1;
            for (var i = 0; i < 200; i++)
            {
                // Each line exactly once, and each thread's lines in the order it logged them.
                var next = output.IndexOf($"t{thread}-{i};", StringComparison.Ordinal);
                Assert.True(next > at, $"t{thread}-{i} missing or out of order");
                Assert.Equal(-1, output.IndexOf($"t{thread}-{i};", next + 1, StringComparison.Ordinal));
                at = next;
            }
        }

        Assert.Empty(console.Error.Writes);
    }

    [Fact]
    public void A_console_that_cannot_be_written_does_not_stop_the_logger()
    {
        var console = new Console(TimeSpan.Zero, output: new RecordingStream { Fails = true });
        var logger = console.Factory.CreateLogger("CalcCds.Test");

        logger.LogError("lost");
        logger.LogInformation("also lost");
        console.Dispose();

        Assert.Empty(console.Output.Writes);
    }

    [Fact]
    public async Task A_reload_to_an_invalid_interval_keeps_the_last_valid_settings_and_loses_nothing()
    {
        var options = new ReloadingOptions();
        using var console = new Console(TimeSpan.Zero, options: options);
        var logger = console.Factory.CreateLogger("CalcCds.Test");

        logger.LogInformation("before the reload");
        Assert.True(await console.Output.WaitForWritesAsync(1));
        options.Invalid = true;
        logger.LogInformation("after the reload");
        logger.LogError("still written");

        Assert.True(await console.Output.WaitForWritesAsync(2));
        var output = string.Concat(console.Output.Writes);
        Assert.Contains("after the reload", output, StringComparison.Ordinal);
        Assert.Contains("still written", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_host_logs_to_the_console_through_the_batched_logger()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration["CalcCds:Security:Mode"] = "Disabled";
        builder.AddCalcCdsServices();
        using var app = builder.Build();

        var providers = app.Services.GetServices<ILoggerProvider>().Select(p => p.GetType()).ToList();
        if (OperatingSystem.IsWindows())
        {
            Assert.Contains(typeof(ConsoleLoggerProvider), providers);
            return;
        }

        Assert.Contains(typeof(BatchedConsoleLoggerProvider), providers);
        Assert.DoesNotContain(typeof(ConsoleLoggerProvider), providers);
    }

    [Fact]
    public void A_host_that_cleared_its_providers_gets_no_console_logger()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration["CalcCds:Security:Mode"] = "Disabled";
        builder.Logging.ClearProviders();
        builder.AddCalcCdsServices();
        using var app = builder.Build();

        var providers = app.Services.GetServices<ILoggerProvider>().Select(p => p.GetType()).ToList();
        Assert.DoesNotContain(typeof(BatchedConsoleLoggerProvider), providers);
        Assert.DoesNotContain(typeof(ConsoleLoggerProvider), providers);
    }

    /// <summary>A batched console logger over recording streams, with the framework's formatters and options.</summary>
    private sealed class Console : IDisposable
    {
        private readonly ServiceProvider services;
        private readonly BatchedConsoleLoggerProvider provider;

        public Console(TimeSpan flushInterval, Action<ConsoleLoggerOptions>? configure = null, RecordingStream? output = null, IOptionsMonitor<ConsoleLogOptions>? options = null)
        {
            var collection = new ServiceCollection();
            collection.AddLogging(logging => logging.AddConsole());
            collection.Configure<ConsoleLoggerOptions>(options => configure?.Invoke(options));
            collection.Configure<JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);
            collection.Configure<ConsoleLogOptions>(options => options.FlushInterval = flushInterval);
            services = collection.BuildServiceProvider();
            Output = output ?? new RecordingStream();
            provider = new BatchedConsoleLoggerProvider(
                services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(),
                services.GetServices<Microsoft.Extensions.Logging.Console.ConsoleFormatter>(),
                options ?? services.GetRequiredService<IOptionsMonitor<ConsoleLogOptions>>(),
                Output,
                Error);
            Factory = LoggerFactory.Create(logging => logging.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        }

        public ILoggerFactory Factory { get; }

        public RecordingStream Output { get; }

        public RecordingStream Error { get; } = new();

        public void Dispose()
        {
            Factory.Dispose();
            provider.Dispose();
            services.Dispose();
        }
    }

    /// <summary>Options whose reload turned invalid: reading them then throws, as a validated monitor does.</summary>
    private sealed class ReloadingOptions : IOptionsMonitor<ConsoleLogOptions>
    {
        public bool Invalid { get; set; }

        public ConsoleLogOptions CurrentValue => Invalid
            ? throw new OptionsValidationException(nameof(ConsoleLogOptions), typeof(ConsoleLogOptions), ["FlushInterval out of range"])
            : new ConsoleLogOptions { FlushInterval = TimeSpan.Zero };

        public ConsoleLogOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<ConsoleLogOptions, string?> listener) => null;
    }

    /// <summary>A write-only stream that keeps each write as text.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly List<string> writes = [];

        public bool Fails { get; init; }

        /// <summary>When set, each write waits for it (after signalling <see cref="Entered"/>).</summary>
        public ManualResetEventSlim? Gate { get; init; }

        public ManualResetEventSlim Entered { get; } = new();

        public IReadOnlyList<string> Writes
        {
            get
            {
                lock (writes)
                {
                    return [.. writes];
                }
            }
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public async Task<bool> WaitForWritesAsync(int count, TimeSpan? timeout = null)
        {
            var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
            while (Writes.Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            return Writes.Count >= count;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Fails)
            {
                throw new IOException("broken pipe");
            }

            Entered.Set();
            Gate?.Wait();

            lock (writes)
            {
                writes.Add(Encoding.UTF8.GetString(buffer, offset, count));
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
