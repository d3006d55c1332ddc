using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CalcCds.Api.Operations;

/// <summary>How the console log is written, bound from <c>CalcCds:Logging</c> and validated at start-up.</summary>
public sealed class ConsoleLogOptions
{
    public const string Section = "CalcCds:Logging";

    /// <summary>
    /// How long the console writer waits after a message for others to write with it. Errors are written at once,
    /// and shutdown writes everything queued; a crash can lose at most this long's worth of lines.
    /// <c>00:00:00</c> writes every message as it comes, as the framework's console logger does.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(25);
}

/// <summary>
/// The console logger of the service: the framework's console formatters and options (<c>Logging:Console</c>:
/// <c>FormatterName</c>, <c>FormatterOptions</c>, <c>LogToStandardErrorThreshold</c>, <c>MaxQueueLength</c>,
/// <c>QueueFullMode</c>, and its <c>LogLevel</c> filters through the same "Console" alias), with the lines written in
/// batches by <see cref="ConsoleLogBatch"/>. Each message is formatted on the caller's thread, as the framework does,
/// so scopes and timestamps are the caller's.
/// </summary>
[ProviderAlias("Console")]
internal sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    [ThreadStatic]
    private static StringWriter? formatted;

    private readonly ConcurrentDictionary<string, Logger> loggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConsoleFormatter> formatters;
    private readonly IOptionsMonitor<ConsoleLoggerOptions> consoleOptions;
    private readonly ConsoleLogBatch batch;
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();
    private ConsoleLogSettings lastSettings = Defaults();

    public BatchedConsoleLoggerProvider(
        IOptionsMonitor<ConsoleLoggerOptions> consoleOptions,
        IEnumerable<ConsoleFormatter> formatters,
        IOptionsMonitor<ConsoleLogOptions> options)
        : this(consoleOptions, formatters, options, Console.OpenStandardOutput(), Console.OpenStandardError())
    {
    }

    internal BatchedConsoleLoggerProvider(
        IOptionsMonitor<ConsoleLoggerOptions> consoleOptions,
        IEnumerable<ConsoleFormatter> formatters,
        IOptionsMonitor<ConsoleLogOptions> options,
        Stream output,
        Stream error)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.consoleOptions = consoleOptions ?? throw new ArgumentNullException(nameof(consoleOptions));
        this.formatters = (formatters ?? throw new ArgumentNullException(nameof(formatters)))
            .GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        batch = new ConsoleLogBatch(output, error, () => Settings(options));
    }

    // The options as they are now. A reload to an invalid value throws from CurrentValue (the start-up validation runs
    // again); logging must not fail for that, so the last valid settings stay in force.
    private ConsoleLogSettings Settings(IOptionsMonitor<ConsoleLogOptions> options)
    {
        try
        {
            var console = consoleOptions.CurrentValue;
            lastSettings = new ConsoleLogSettings(options.CurrentValue.FlushInterval, console.MaxQueueLength, console.QueueFullMode);
        }
        catch (OptionsValidationException)
        {
        }

        return lastSettings;
    }

    // The options' own defaults, in force until the options are first read.
    private static ConsoleLogSettings Defaults()
    {
        var console = new ConsoleLoggerOptions();
        return new ConsoleLogSettings(new ConsoleLogOptions().FlushInterval, console.MaxQueueLength, console.QueueFullMode);
    }

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, name => new Logger(this, name));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose() => batch.Dispose();

    // The formatter named by the current options (so a reloaded FormatterName applies); "simple" when it names none
    // registered, as the framework falls back.
    private ConsoleFormatter Formatter()
    {
        var name = consoleOptions.CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
        return formatters.TryGetValue(name, out var formatter) ? formatter : formatters[ConsoleFormatterNames.Simple];
    }

    private sealed class Logger(BatchedConsoleLoggerProvider provider, string category) : ILogger
    {
        // Which levels reach the console is decided by the logging filters (Logging:LogLevel, Logging:Console:LogLevel).
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider.scopes.Push(state);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var writer = formatted ??= new StringWriter(CultureInfo.InvariantCulture);
            provider.Formatter().Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider.scopes, writer);
            var text = writer.GetStringBuilder();
            if (text.Length == 0)
            {
                return;
            }

            var message = text.ToString();
            text.Clear();
            if (text.Capacity > 64 * 1024)
            {
                text.Capacity = 1024; // one huge message must not pin a huge buffer to this thread
            }

            provider.batch.Enqueue(message, logLevel >= provider.consoleOptions.CurrentValue.LogToStandardErrorThreshold, logLevel >= LogLevel.Error);
        }
    }
}

/// <summary>Puts <see cref="BatchedConsoleLoggerProvider"/> in the place of the framework's console logger.</summary>
internal static class BatchedConsoleLogging
{
    /// <summary>
    /// Replaces the framework's console logger when the host has one (a host that cleared its providers keeps none);
    /// on Windows the framework's stays, for its handling of consoles without ANSI colour support.
    /// </summary>
    public static ILoggingBuilder UseBatchedConsole(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.Services.AddOptions<ConsoleLogOptions>().BindConfiguration(ConsoleLogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var framework = logging.Services.Where(IsFrameworkConsole).ToList();
        if (framework.Count == 0 || OperatingSystem.IsWindows())
        {
            return logging;
        }

        foreach (var descriptor in framework)
        {
            logging.Services.Remove(descriptor);
        }

        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, BatchedConsoleLoggerProvider>());
        return logging;
    }

    private static bool IsFrameworkConsole(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(ILoggerProvider) && descriptor.ImplementationType == typeof(ConsoleLoggerProvider);
}
