using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CalcCds.Api.Tests.Security;

/// <summary>Keeps every log line of a host (all categories, all levels) so tests can grep them.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new CaptureLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class CaptureLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a token could hide in a parameter that the message template drops.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            entries.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception) + " " + values + " " + exception));
        }
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, string Text);
