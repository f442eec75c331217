using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;

namespace WebUI.Tests.Engine;

/// <summary>Containers held in a list with state changes as the engine makes them; logs fed through a channel per container.</summary>
public sealed class InMemoryContainerService(TestEventBus events) : IContainerService
{
    private readonly Dictionary<string, Channel<LogEntry>> _logs = [];

    public List<ContainerRecord> Containers { get; } = [];
    public List<string> Calls { get; } = [];
    public List<ContainerCreateRequest> CreateRequests { get; } = [];

    /// <summary>Thrown by CreateAsync while set (the engine's refusal of a request).</summary>
    public Exception? CreateFailure { get; set; }

    public ContainerRecord Add(string name, string status, string image = "busybox:latest", params (string Key, string Value)[] labels)
    {
        var id = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(name.PadRight(32, 'x')))[..64];
        var record = new ContainerRecord
        {
            Id = id,
            Name = "/" + name,
            Image = "sha256:" + new string('b', 64),
            Created = DateTimeOffset.UtcNow.AddMinutes(-Containers.Count - 1),
            Path = "sh",
            Config = new ContainerConfig { Image = image, Labels = labels.ToDictionary(l => l.Key, l => l.Value) },
            HostConfig = new HostConfig { NetworkMode = "none" },
            State = new ContainerState
            {
                Status = status,
                Running = status == ContainerStatus.Running,
                StartedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                FinishedAt = status == ContainerStatus.Exited ? DateTimeOffset.UtcNow : default,
            },
        };
        Containers.Add(record);
        return record;
    }

    /// <summary>Writes a log line for the container (seen by followers).</summary>
    public void Log(string id, LogStream stream, string text) =>
        LogChannel(id).Writer.TryWrite(new LogEntry(DateTimeOffset.UtcNow, stream, Encoding.UTF8.GetBytes(text + "\n")));

    public Task<ContainerCreateResult> CreateAsync(ContainerCreateRequest request, string? name, CancellationToken cancellationToken)
    {
        if (CreateFailure is { } failure) throw failure;
        CreateRequests.Add(request);
        Calls.Add($"create {name}");
        var c = Add(name ?? "generated", ContainerStatus.Created, request.Image);
        events.Publish("container", "create", c.Id);
        return Task.FromResult(new ContainerCreateResult(c.Id, []));
    }

    public Task StartAsync(string idOrName, CancellationToken cancellationToken) => Change(idOrName, "start", c =>
    {
        if (c.State.Running) throw EngineException.NotModified("container already started");
        c.State = c.State with { Status = ContainerStatus.Running, Running = true };
    });

    public Task StopAsync(string idOrName, int? timeoutSeconds, string? signal, CancellationToken cancellationToken) => Change(idOrName, "stop", c =>
    {
        if (!c.State.Running) throw EngineException.NotModified("container already stopped");
        c.State = c.State with { Status = ContainerStatus.Exited, Running = false, ExitCode = 143, FinishedAt = DateTimeOffset.UtcNow };
    });

    public Task KillAsync(string idOrName, string? signal, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RestartAsync(string idOrName, int? timeoutSeconds, string? signal, CancellationToken cancellationToken) => Change(idOrName, "restart", c =>
        c.State = c.State with { Status = ContainerStatus.Running, Running = true });

    public Task RemoveAsync(string idOrName, bool force, bool removeVolumes, CancellationToken cancellationToken) => Change(idOrName, force ? "remove-force" : "remove", c =>
    {
        if (c.State.Running && !force)
            throw EngineException.Conflict($"cannot remove container \"{c.Name}\": container is running: stop the container before removing or force remove");
        Containers.Remove(c);
    });

    public Task<WaitResult> WaitAsync(string idOrName, WaitCondition condition, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ContainerRecord Get(string idOrName) =>
        Containers.FirstOrDefault(c => c.Id == idOrName || c.Id.StartsWith(idOrName, StringComparison.Ordinal) || c.Name == "/" + idOrName.TrimStart('/'))
        ?? throw EngineException.NotFound($"No such container: {idOrName}");

    /// <summary>How many times the containers were listed.</summary>
    public int ListCount => Volatile.Read(ref _listCount);

    private int _listCount;

    /// <summary>As the engine: only what the current caller's teams may see.</summary>
    public IReadOnlyList<ContainerRecord> List(ContainerListOptions options)
    {
        Interlocked.Increment(ref _listCount);
        return Containers.Where(c => WebUI.Engine.Security.Admission.TeamScope.CanSee(c.Config.Labels)).ToList();
    }

    public async IAsyncEnumerable<LogEntry> LogsAsync(string idOrName, LogOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var c = Get(idOrName);
        await foreach (var entry in LogChannel(c.Id).Reader.ReadAllAsync(cancellationToken)) yield return entry;
    }

    public Task<IContainerAttachment> AttachAsync(string idOrName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ResizeAsync(string idOrName, int height, int width, CancellationToken cancellationToken) => throw new NotSupportedException();

    public long SizeRw(string idOrName) => 0;

    // Members the dashboard's tests do not reach yet.
    public Task<IReadOnlyList<string>> UpdateAsync(string idOrName, ContainerUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<WebUI.Engine.Containers.Archive.PathStat> StatPathAsync(string idOrName, string path, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>Regular files of every container by absolute path (directories are implied), for the archive operations.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public async Task GetArchiveAsync(string idOrName, string path, Func<WebUI.Engine.Containers.Archive.PathStat, CancellationToken, Task<Stream>> begin, CancellationToken cancellationToken)
    {
        Get(idOrName);
        Calls.Add($"get-archive {path}");
        var prefix = path.TrimEnd('/') + "/";
        var matches = Files.Where(f => f.Key == path || f.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        if (matches.Count == 0) throw EngineException.NotFound($"Could not find the file {path} in container {idOrName}");
        var isFile = matches is [{ Key: var k }] && k == path;
        var name = path.TrimEnd('/').Split('/')[^1];
        var output = await begin(new WebUI.Engine.Containers.Archive.PathStat(name, isFile ? matches[0].Value.Length : 4096, isFile ? 0x1A4u : (1u << 31) | 0x1EDu, DateTimeOffset.UtcNow, ""), cancellationToken);
        await using var tar = new System.Formats.Tar.TarWriter(output, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (file, bytes) in matches)
        {
            var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, isFile ? name : name + "/" + file[prefix.Length..]) { DataStream = new MemoryStream(bytes) };
            await tar.WriteEntryAsync(entry, cancellationToken);
        }
    }

    public async Task PutArchiveAsync(string idOrName, string path, Stream archive, bool noOverwriteDirNonDir, bool copyUidGid, CancellationToken cancellationToken)
    {
        Get(idOrName);
        Calls.Add($"put-archive {path}");
        await using var tar = new System.Formats.Tar.TarReader(archive);
        while (await tar.GetNextEntryAsync(copyData: true, cancellationToken) is { } entry)
        {
            using var data = new MemoryStream();
            if (entry.DataStream is { } s) await s.CopyToAsync(data, cancellationToken);
            Files[path.TrimEnd('/') + "/" + entry.Name] = data.ToArray();
        }
    }

    public Task ExportAsync(string idOrName, Stream output, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IReadOnlyList<ContainerChange> Changes(string idOrName) => throw new NotSupportedException();

    public Task PauseAsync(string idOrName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task UnpauseAsync(string idOrName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RenameAsync(string idOrName, string newName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContainerTop> TopAsync(string idOrName, string? psArgs, CancellationToken cancellationToken)
    {
        var c = Get(idOrName);
        if (!c.State.Running) throw EngineException.Conflict($"Container {c.Id} is not running");
        return Task.FromResult(new ContainerTop(["UID", "PID", "CMD"], [["root", "4242", string.Join(' ', new[] { c.Path }.Concat(c.Args))]]));
    }

    public Task<ContainerPruneResult> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>Samples the test pushes; the stream ends when the test completes it.</summary>
    public Channel<WebUI.Engine.Stats.ContainerStats> Stats { get; } = Channel.CreateUnbounded<WebUI.Engine.Stats.ContainerStats>();

    public async IAsyncEnumerable<WebUI.Engine.Stats.ContainerStats> StatsAsync(string idOrName, bool stream, bool oneShot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Get(idOrName);
        await foreach (var s in Stats.Reader.ReadAllAsync(cancellationToken)) yield return s;
    }

    public IReadOnlyList<string> ExecIds(string containerId) => [];

    private Channel<LogEntry> LogChannel(string id)
    {
        lock (_logs)
        {
            if (!_logs.TryGetValue(id, out var channel)) _logs[id] = channel = Channel.CreateUnbounded<LogEntry>();
            return channel;
        }
    }

    private Task Change(string idOrName, string action, Action<ContainerRecord> change)
    {
        var c = Get(idOrName);
        Calls.Add($"{action} {c.Name.TrimStart('/')}");
        change(c);
        events.Publish("container", action, c.Id);
        return Task.CompletedTask;
    }
}
