using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Runtime;

/// <summary>
/// Tells the container service when conmon writes an exit file (&lt;exit dir&gt;/&lt;id&gt;). inotify does the work; a slow poll
/// covers events the watcher can lose (buffer overflow), so no exit goes unnoticed.
/// </summary>
internal sealed partial class ExitWatcher(ConmonRuntime runtime, ILogger<ExitWatcher> logger) : IDisposable
{
    private FileSystemWatcher? _watcher;
    private Timer? _poll;

    /// <summary>Starts watching; <paramref name="onExit"/> gets the container id, possibly more than once per exit.</summary>
    public void Start(Action<string> onExit, Func<IEnumerable<string>> running)
    {
        var dir = runtime.Paths.ExitDir;
        Directory.CreateDirectory(dir);
        _watcher = new FileSystemWatcher(dir) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
        // conmon writes the file with g_file_set_contents (temp file + rename), so Renamed is the event that matters.
        _watcher.Renamed += (_, e) => Fire(onExit, e.Name);
        _watcher.Created += (_, e) => Fire(onExit, e.Name);
        _watcher.Changed += (_, e) => Fire(onExit, e.Name);
        _watcher.Error += (_, e) => LogWatcherError(logger, e.GetException());
        _watcher.EnableRaisingEvents = true;
        _poll = new Timer(_ =>
        {
            foreach (var id in running())
                if (File.Exists(runtime.Paths.ExitFile(id))) onExit(id);
        }, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    private static void Fire(Action<string> onExit, string? name)
    {
        // Only "<64 hex>"; conmon's temp files are ".<id>.XXXXXX" style names.
        if (name is { Length: 64 } && name.All(char.IsAsciiHexDigit)) onExit(name);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _poll?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exit file watcher failed; the poll still notices exits")]
    private static partial void LogWatcherError(ILogger logger, Exception e);
}
