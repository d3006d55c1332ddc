using System.Text;
using Microsoft.Extensions.Logging.Console;

namespace CalcCds.Api.Operations;

/// <summary>
/// The queue between the loggers and the process's standard output and error, and the one thread that writes it.
/// </summary>
/// <remarks>
/// <para>The framework's console logger wakes its writer thread and makes one <c>write</c> system call for every
/// message. With a log line per hook call, that was ~5% of a call's CPU under load (bench/, side by side). Here the
/// first message into an empty queue wakes the writer, which then waits <see cref="ConsoleLogOptions.FlushInterval"/>
/// for more and writes them all in one call per stream. Messages at <see cref="LogLevel.Error"/> and above end the wait
/// at once; so does shutdown, which writes everything still queued.</para>
/// <para>Order is kept, stdout and stderr lines included. The queue holds at most
/// <see cref="ConsoleLoggerOptions.MaxQueueLength"/> messages; a logger that finds it full waits
/// (<see cref="ConsoleLoggerQueueFullMode.Wait"/>, the default) or drops its message and the drop is reported on
/// stderr with the next write (<see cref="ConsoleLoggerQueueFullMode.DropWrite"/>), as the framework's logger does.
/// A failed write (a closed stream) loses that batch and never the process.</para>
/// </remarks>
internal sealed class ConsoleLogBatch : IDisposable
{
    private readonly object gate = new();
    private readonly object writeGate = new();
    private readonly Stream output;
    private readonly Stream error;
    private readonly Func<ConsoleLogSettings> settings;
    private readonly Thread writer;
    private List<Message> queued = [];
    private List<Message> writing = [];
    private byte[] bytes = new byte[16 * 1024];
    private bool urgent;
    private bool closing;
    private long dropped;

    public ConsoleLogBatch(Stream output, Stream error, Func<ConsoleLogSettings> settings)
    {
        this.output = output;
        this.error = error;
        this.settings = settings;
        writer = new Thread(WriteLoop) { IsBackground = true, Name = "Console log writer" };
        writer.Start();
    }

    /// <summary>Queues a formatted message; <paramref name="toError"/> sends it to stderr, <paramref name="urgent"/>
    /// writes it (and everything before it) without waiting out the flush interval.</summary>
    public void Enqueue(string text, bool toError, bool urgent)
    {
        var message = new Message(text, toError);
        lock (gate)
        {
            var current = settings();
            while (!closing && queued.Count >= current.MaxQueued && current.QueueFullMode == ConsoleLoggerQueueFullMode.Wait)
            {
                Monitor.Wait(gate);
            }

            if (!closing)
            {
                if (queued.Count >= current.MaxQueued)
                {
                    dropped++;
                    return;
                }

                // Only the first message of a batch, the first urgent one, or the one that fills the queue wakes the
                // writer.
                var wake = queued.Count == 0 || (urgent && !this.urgent) || queued.Count + 1 >= current.MaxQueued;
                queued.Add(message);
                this.urgent |= urgent;
                if (wake)
                {
                    Monitor.PulseAll(gate);
                }

                return;
            }
        }

        // After shutdown (a late log line from another disposing service): written at once, on the caller's thread.
        lock (writeGate)
        {
            Write([message], 0);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            closing = true;
            Monitor.PulseAll(gate);
        }

        // The writer drains the queue before it ends; a stream that blocks for good must not hold up shutdown.
        writer.Join(TimeSpan.FromSeconds(5));
    }

    private void WriteLoop()
    {
        while (true)
        {
            long droppedNow;
            lock (gate)
            {
                while (queued.Count == 0 && dropped == 0 && !closing)
                {
                    Monitor.Wait(gate);
                }

                if (queued.Count == 0 && dropped == 0)
                {
                    return; // closing, and nothing left
                }

                WaitForMore();
                (queued, writing) = (writing, queued);
                droppedNow = dropped;
                dropped = 0;
                urgent = false;
                Monitor.PulseAll(gate); // loggers waiting for room
            }

            lock (writeGate)
            {
                Write(writing, droppedNow);
            }

            writing.Clear();
        }
    }

    // Called holding the gate: lets the interval's other messages join the batch, unless it must go now.
    private void WaitForMore()
    {
        var interval = settings().FlushInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var deadline = Environment.TickCount64 + (long)interval.TotalMilliseconds;
        while (!urgent && !closing && queued.Count < settings().MaxQueued)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return;
            }

            Monitor.Wait(gate, TimeSpan.FromMilliseconds(left));
        }
    }

    // Consecutive messages for the same stream go out in one write.
    private void Write(List<Message> messages, long droppedCount)
    {
        if (droppedCount > 0)
        {
            WriteRun(error, $"{droppedCount} log message(s) dropped: the console log queue was full (Logging:Console:MaxQueueLength).{Environment.NewLine}");
        }

        var start = 0;
        while (start < messages.Count)
        {
            var toError = messages[start].ToError;
            var end = start + 1;
            while (end < messages.Count && messages[end].ToError == toError)
            {
                end++;
            }

            WriteRun(toError ? error : output, messages, start, end);
            start = end;
        }
    }

    private void WriteRun(Stream stream, string text) => WriteRun(stream, [new Message(text, false)], 0, 1);

    private void WriteRun(Stream stream, List<Message> messages, int start, int end)
    {
        try
        {
            var written = 0;
            for (var i = start; i < end; i++)
            {
                var text = messages[i].Text;
                var room = written + Encoding.UTF8.GetMaxByteCount(text.Length);
                if (bytes.Length < room)
                {
                    Array.Resize(ref bytes, Math.Max(room, bytes.Length * 2));
                }

                written += Encoding.UTF8.GetBytes(text, bytes.AsSpan(written));
            }

            stream.Write(bytes, 0, written);
            stream.Flush();
        }
#pragma warning disable CA1031 // A console that cannot be written (closed pipe, full disk), or a batch too large to
        // encode, loses that batch; it must not end the writer, or loggers would wait for room for ever.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        // A burst of huge messages must not keep a huge buffer for the life of the process.
        if (bytes.Length > 1024 * 1024)
        {
            bytes = new byte[16 * 1024];
        }
    }

    private readonly record struct Message(string Text, bool ToError);
}

/// <summary>What the writer reads on each batch: the interval, and the framework console options' queue limits.</summary>
internal readonly record struct ConsoleLogSettings(TimeSpan FlushInterval, int MaxQueued, ConsoleLoggerQueueFullMode QueueFullMode);
