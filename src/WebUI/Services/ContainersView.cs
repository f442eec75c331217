using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Events;
using WebUI.Engine.Networks;
using WebUI.Audit;
using WebUI.Identity;

namespace WebUI.Services;

/// <summary>The containers pages' view of the engine: table queries, bulk actions, the run form, details and logs.</summary>
public sealed class ContainersView(IContainerService containers, ImagesView images, INetworkManager networks, IEventBus events, TimeProvider time, ChangeGuard guard, ContainerChanges changes)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly Dictionary<string, Func<ContainerRow, IComparable?>> SortKeys = new()
    {
        ["name"] = r => r.Name,
        ["state"] = r => r.State,
        ["image"] = r => r.Image,
        ["created"] = r => r.Created,
    };

    /// <summary>One page of containers; <paramref name="state"/> keeps only that State.Status (running, exited...), null keeps all.</summary>
    public PagedResult<ContainerRow> Query(PageRequest request, string? state = null)
    {
        var now = time.GetUtcNow();
        var rows = containers.List(new ContainerListOptions { All = true })
            .Where(c => state is null || c.State.Status == state)
            .Select(c => ToRow(c, now))
            .Where(r => Paging.Matches(request.Search, [r.Id, r.Name, r.Image, r.State, .. r.Labels.Select(l => $"{l.Key}={l.Value}"), .. r.Ports.Select(p => p.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        return Paging.Apply(rows, request, SortKeys, "created", defaultDescending: true);
    }

    /// <summary>Networks a container can be created on: the predefined ones, then user-defined ones by name.</summary>
    public IReadOnlyList<string> NetworkNames() =>
        ["bridge", "none", "host", .. networks.List(new Dictionary<string, IReadOnlyList<string>>()).Where(n => !n.Predefined).Select(n => n.Name).Order(StringComparer.Ordinal)];

    /// <summary>Host ports of a running container (what it publishes now); none when it is not running.</summary>
    private IReadOnlyList<PortMapping> PortsOf(string containerId) =>
        networks.Sandbox(containerId) is { } sandbox
            ? [.. sandbox.Endpoints.Values.SelectMany(e => e.Ports).DistinctBy(p => (p.HostIP, p.HostPort, p.Protocol)).OrderBy(p => p.HostPort)]
            : [];

    /// <summary>Counts by State.Status (running, exited, created...).</summary>
    public IReadOnlyDictionary<string, int> CountByState() =>
        containers.List(new ContainerListOptions { All = true }).GroupBy(c => c.State.Status).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Applies one action to each container in turn; one failing does not stop the others. Start/stop of a container already in that state counts as done.</summary>
    public async Task<BulkResult> ApplyAsync(ContainerAction action, IReadOnlyList<string> ids, bool force, CancellationToken cancellationToken)
    {
        var auditAction = action switch
        {
            ContainerAction.Start => AuditActions.ContainerStart,
            ContainerAction.Stop => AuditActions.ContainerStop,
            ContainerAction.Restart => AuditActions.ContainerRestart,
            _ => AuditActions.ContainerRemove,
        };
        var user = await guard.DemandAsync(Policies.Operator, auditAction, string.Join(" ", ids), cancellationToken);
        var ok = new List<string>();
        var failed = new List<(string, string)>();
        foreach (var id in ids)
        {
            string? error = null;
            try
            {
                await (action switch
                {
                    ContainerAction.Start => containers.StartAsync(id, cancellationToken),
                    ContainerAction.Stop => containers.StopAsync(id, null, null, cancellationToken),
                    ContainerAction.Restart => containers.RestartAsync(id, null, null, cancellationToken),
                    _ => containers.RemoveAsync(id, force, removeVolumes: false, cancellationToken),
                });
                ok.Add(id);
            }
            catch (EngineException e) when (e.Kind == ErrorKind.NotModified) { ok.Add(id); }
            catch (EngineException e) { failed.Add((id, e.Message)); error = e.Message; }
            await guard.RecordAsync(user, auditAction, id, error, cancellationToken);
        }
        return new BulkResult(ok, failed);
    }

    /// <summary>Creates a container from the form and starts it when asked; returns its id. Invalid input: InvalidArgument with the reason.</summary>
    public async Task<string> RunAsync(ContainerForm form, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Image)) throw EngineException.Invalid("choose an image");
        ContainerCreateRequest request;
        try
        {
            var entrypoint = CommandLine.Split(form.Entrypoint);
            var (portBindings, exposed) = PortSpecs.Parse(form.Ports);
            var mounts = MountSpecs.Parse(form.Mounts);
            var cmd = CommandLine.Split(form.Command);
            request = new ContainerCreateRequest
            {
                Image = form.Image.Trim(),
                Cmd = cmd.Count > 0 ? cmd : null,
                Entrypoint = entrypoint.Count > 0 ? entrypoint : null,
                Env = KeyValueLines.Lines(form.Env) is { Count: > 0 } env ? env : null,
                Labels = KeyValueLines.Parse(form.Labels) is { Count: > 0 } labels ? labels : null,
                ExposedPorts = exposed,
                Tty = form.Tty,
                OpenStdin = form.Tty,
                HostConfig = new HostConfig
                {
                    Binds = KeyValueLines.Lines(form.Volumes) is { Count: > 0 } binds ? binds : null,
                    Mounts = mounts.Count > 0 ? mounts : null,
                    PortBindings = portBindings,
                    NetworkMode = form.Network,
                    RestartPolicy = new RestartPolicy { Name = form.RestartPolicy },
                    Memory = (form.MemoryMb ?? 0) * 1024L * 1024L,
                    NanoCpus = (long)Math.Round((form.Cpus ?? 0) * 1e9),
                },
            };
        }
        catch (FormatException e)
        {
            throw EngineException.Invalid(e.Message);
        }
        var name = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim();
        // Host bind mounts, host networking and the like are judged by the engine's choke point (Security/Admission).
        return await guard.RunAsync(Policies.Operator, AuditActions.ContainerCreate, name ?? form.Image.Trim(), async () =>
        {
            var created = await containers.CreateAsync(request, name, cancellationToken);
            if (form.Start) await containers.StartAsync(created.Id, cancellationToken);
            return created.Id;
        }, cancellationToken);
    }

    public ContainerRecord Get(string idOrName) => containers.Get(idOrName);

    /// <summary>The stored container as indented JSON (configuration, host configuration and state).</summary>
    public string InspectJson(string idOrName) => JsonSerializer.Serialize(containers.Get(idOrName), Indented);

    public Task<IReadOnlyList<string>> ImageNamesAsync(CancellationToken cancellationToken) => images.NamesAsync(cancellationToken);

    /// <summary>The log as lines, then (with follow) new lines as they are written until the container stops or the token is cancelled.</summary>
    public async IAsyncEnumerable<LogLine> LogsAsync(string idOrName, int? tail, DateTimeOffset? since, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partial = new Dictionary<LogStream, StringBuilder>();
        await foreach (var entry in containers.LogsAsync(idOrName, new LogOptions { Follow = follow, Tail = tail, Since = since }, cancellationToken))
        {
            var text = Encoding.UTF8.GetString(entry.Data.Span);
            if (!partial.TryGetValue(entry.Stream, out var pending)) partial[entry.Stream] = pending = new StringBuilder();
            pending.Append(text);
            if (!text.EndsWith('\n')) continue;
            var whole = pending.ToString().TrimEnd('\n').TrimEnd('\r');
            pending.Clear();
            yield return new LogLine(entry.Time, entry.Stream, whole);
        }
        foreach (var (stream, rest) in partial)
            if (rest.Length > 0) yield return new LogLine(time.GetUtcNow(), stream, rest.ToString());
    }

    /// <summary>How many container events the engine has published so far: read before a listing, it dates the listing.</summary>
    public long ChangeVersion => changes.Version;

    /// <summary>Calls <paramref name="changed"/> with the container id when any container changes.</summary>
    public IDisposable OnChange(Action<string> changed) =>
        events.Subscribe(e => { if (e.Type == "container") changed(e.ActorId); });

    private ContainerRow ToRow(ContainerRecord c, DateTimeOffset now) => new(
        c.Id,
        c.Name.TrimStart('/'),
        c.State.Status,
        ContainerStatusText.Describe(c.State, now),
        c.Config.Image,
        c.Created,
        c.Config.Labels ?? [],
        PortsOf(c.Id));
}
