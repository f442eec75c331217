using System.Runtime.CompilerServices;
using System.Text;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Containers;

/// <summary>Reads a container's CRI log file: whole, its tail, or followed while the container runs.</summary>
internal static class ContainerLogReader
{
    private static readonly TimeSpan FollowPoll = TimeSpan.FromMilliseconds(100);

    /// <param name="isRunning">Asked after the end of the file is reached: following stops once it says false and the file is drained.</param>
    public static async IAsyncEnumerable<LogEntry> ReadAsync(string path, LogOptions options, Func<bool> isRunning,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            if (!options.Follow) yield break;
            while (!File.Exists(path))
            {
                if (!isRunning()) yield break;
                await Task.Delay(FollowPoll, cancellationToken);
            }
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
        var pending = new List<byte>();
        var buffer = new byte[64 * 1024];
        Queue<LogEntry>? tail = options.Tail is { } n ? new Queue<LogEntry>(Math.Max(n, 0)) : null;

        // Pass 1: what is in the file now (with --tail, only the last N survive).
        while (true)
        {
            var read = await file.ReadAsync(buffer, cancellationToken);
            if (read == 0) break;
            foreach (var entry in Lines(pending, buffer.AsSpan(0, read), options))
            {
                if (tail is null) yield return entry;
                else if (options.Tail > 0)
                {
                    if (tail.Count == options.Tail) tail.Dequeue();
                    tail.Enqueue(entry);
                }
            }
        }
        if (tail is not null) foreach (var e in tail) yield return e;
        if (!options.Follow) yield break;

        // Pass 2: follow. The running check comes before the last read, so lines written just before the exit are not lost.
        while (!cancellationToken.IsCancellationRequested)
        {
            var running = isRunning();
            var read = await file.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                foreach (var entry in Lines(pending, buffer.AsSpan(0, read), options)) yield return entry;
                continue;
            }
            if (!running) yield break;
            await Task.Delay(FollowPoll, cancellationToken);
        }
    }

    /// <summary>Splits complete lines off <paramref name="pending"/> + <paramref name="data"/>; an incomplete last line stays pending.</summary>
    private static List<LogEntry> Lines(List<byte> pending, ReadOnlySpan<byte> data, LogOptions options)
    {
        var result = new List<LogEntry>();
        while (true)
        {
            var nl = data.IndexOf((byte)'\n');
            if (nl < 0) { pending.AddRange(data); return result; }
            string line;
            if (pending.Count > 0)
            {
                pending.AddRange(data[..nl]);
                line = Encoding.UTF8.GetString([.. pending]);
                pending.Clear();
            }
            else line = Encoding.UTF8.GetString(data[..nl]);
            data = data[(nl + 1)..];
            if (!CriLogParser.TryParse(line, out var entry)) continue;
            if (entry.Stream == LogStream.Stdout && !options.Stdout) continue;
            if (entry.Stream == LogStream.Stderr && !options.Stderr) continue;
            if (options.Since is { } since && entry.Time < since) continue;
            if (options.Until is { } until && entry.Time > until) continue;
            result.Add(entry);
        }
    }
}
