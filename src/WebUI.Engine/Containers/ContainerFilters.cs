using WebUI.Engine.Errors;

namespace WebUI.Engine.Containers;

/// <summary>
/// docker ps filtering: status, name, label, id, ancestor, exited, before, since, health, volume, network, publish, expose,
/// is-task, isolation; then newest first and limit.
/// </summary>
internal static class ContainerFilters
{
    private static readonly string[] Known = ["status", "name", "label", "id", "ancestor", "exited", "before", "since", "health", "volume", "is-task", "network", "publish", "expose", "isolation"];
    private static readonly string[] HealthValues = ["starting", "healthy", "unhealthy", "none"];
    private static readonly string[] Statuses = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];

    public static IReadOnlyList<ContainerRecord> Apply(ContainerStore store, Networks.INetworkManager networks, IReadOnlyList<ContainerRecord> all, ContainerListOptions options)
    {
        var f = options.Filters;
        foreach (var key in f.Keys)
            if (!Known.Contains(key)) throw EngineException.Invalid($"invalid filter '{key}'");
        foreach (var s in Get(f, "status"))
            if (!Statuses.Contains(s)) throw EngineException.Invalid($"invalid filter 'status={s}'");

        foreach (var h in Get(f, "health"))
            if (!HealthValues.Contains(h)) throw EngineException.Invalid($"Unrecognised filter value for health: {h}");
        // Linux knows only the default isolation (process and hyperv are Windows'), as dockerd's filter check says. Its
        // containers keep HostConfig.Isolation as given, "" from the CLI, which "default" does not match: as in Docker.
        foreach (var i in Get(f, "isolation"))
            if (i is not ("default" or "")) throw EngineException.Invalid($"invalid filter 'isolation={i}'");
        // Swarm tasks are containers swarm manages: this engine has none, so is-task=true lists nothing.
        var isTask = Get(f, "is-task").Select(v => bool.TryParse(v, out var b) ? b : throw EngineException.Invalid($"invalid filter 'is-task={v}'")).ToList();

        var publish = Ports(f, "publish");
        var expose = Ports(f, "expose");

        DateTimeOffset? before = Get(f, "before").Select(v => store.Get(v).Created).Cast<DateTimeOffset?>().FirstOrDefault();
        DateTimeOffset? since = Get(f, "since").Select(v => store.Get(v).Created).Cast<DateTimeOffset?>().FirstOrDefault();
        var exited = Get(f, "exited").Select(v => int.TryParse(v, out var i) ? i : throw EngineException.Invalid($"invalid filter 'exited={v}'")).ToList();
        // Docker lists everything when a filter asks for non-running states, a limit, or before/since.
        var all_ = options.All || options.Limit > 0 || f.ContainsKey("status") || exited.Count > 0 || before is not null || since is not null;

        IEnumerable<ContainerRecord> q = all.OrderByDescending(c => c.Created);
        if (!all_) q = q.Where(c => c.State.Running);
        q = q.Where(c =>
            Match(f, "status", s => s == c.State.Status) &&
            Match(f, "id", v => c.Id.StartsWith(v, StringComparison.Ordinal)) &&
            Match(f, "name", v => c.Name.TrimStart('/').Contains(v.TrimStart('/'), StringComparison.Ordinal)) &&
            Match(f, "ancestor", v => IsAncestor(c, v)) &&
            (exited.Count == 0 || (c.State.Status == ContainerStatus.Exited && exited.Contains(c.State.ExitCode))) &&
            Get(f, "label").All(l => HasLabel(c, l)) &&
            Match(f, "health", h => h == (c.State.Health?.Status ?? "none")) &&
            Match(f, "volume", v => c.MountPoints.Any(m => m.Destination == v || (m.Name.Length > 0 ? m.Name : m.Source) == v)) &&
            !isTask.Contains(true) &&
            Match(f, "isolation", v => v == c.HostConfig.Isolation) &&
            Match(f, "network", v => OnNetwork(networks, c, v)) &&
            (publish is null && expose is null || MatchesPorts(networks, c, publish, expose)) &&
            (before is null || c.Created < before) &&
            (since is null || c.Created > since));
        if (options.Limit > 0) q = q.Take(options.Limit.Value);
        return [.. q];
    }

    /// <summary>Docker's network filter: a network's name exactly or its id by prefix, configured networks of stopped containers too.</summary>
    private static bool OnNetwork(Networks.INetworkManager networks, ContainerRecord c, string value)
    {
        var sandbox = networks.Sandbox(c.Id);
        if (sandbox is null) return false;
        if (sandbox.Mode is "none" or "host") return sandbox.Mode == value;
        foreach (var id in sandbox.Networks.Keys)
        {
            if (id.StartsWith(value, StringComparison.Ordinal)) return true;
            try { if (networks.Get(id).Name == value) return true; }
            catch (EngineException e) when (e.Kind == ErrorKind.NotFound) { }
        }
        return false;
    }

    /// <summary>publish: a running container's host ports; expose: its container ports, published or only exposed (Docker's container.Ports).</summary>
    private static bool MatchesPorts(Networks.INetworkManager networks, ContainerRecord c, HashSet<string>? publish, HashSet<string>? expose)
    {
        if (!c.State.Running || networks.Sandbox(c.Id) is not { } sandbox) return false;
        var mappings = sandbox.Endpoints.Values.SelectMany(e => e.Ports).ToList();
        if (publish is not null && mappings.Any(m => publish.Contains($"{m.HostPort}/{m.Protocol}"))) return true;
        return expose is not null && (mappings.Any(m => expose.Contains($"{m.ContainerPort}/{m.Protocol}")) || sandbox.ExposedPorts.Any(expose.Contains));
    }

    /// <summary>"80", "80/udp", "8000-8010/tcp" → the set of "port/proto" they name; null when the filter is absent.</summary>
    private static HashSet<string>? Ports(IReadOnlyDictionary<string, IReadOnlyList<string>> f, string key)
    {
        if (!f.TryGetValue(key, out var values) || values.Count == 0) return null;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value.Contains(':', StringComparison.Ordinal)) throw EngineException.Invalid($"filter for '{key}' should not contain ':': {value}");
            var slash = value.IndexOf('/');
            var (range, proto) = slash < 0 ? (value, "tcp") : (value[..slash], value[(slash + 1)..].ToLowerInvariant());
            var dash = range.IndexOf('-');
            if (!ushort.TryParse(dash < 0 ? range : range[..dash], out var start) || !ushort.TryParse(dash < 0 ? range : range[(dash + 1)..], out var end)
                || start == 0 || end < start || proto is not ("tcp" or "udp" or "sctp"))
                throw EngineException.Invalid($"error while looking up for {key} {value}: invalid port or protocol");
            for (var p = (int)start; p <= end; p++) set.Add($"{p}/{proto}");
        }
        return set;
    }

    private static IReadOnlyList<string> Get(IReadOnlyDictionary<string, IReadOnlyList<string>> f, string key) =>
        f.TryGetValue(key, out var v) ? v : [];

    /// <summary>Values of one filter are alternatives (OR); an absent filter matches.</summary>
    private static bool Match(IReadOnlyDictionary<string, IReadOnlyList<string>> f, string key, Func<string, bool> test) =>
        !f.TryGetValue(key, out var values) || values.Count == 0 || values.Any(test);

    private static bool HasLabel(ContainerRecord c, string filter)
    {
        var eq = filter.IndexOf('=');
        var key = eq < 0 ? filter : filter[..eq];
        if (c.Config.Labels is null || !c.Config.Labels.TryGetValue(key, out var value)) return false;
        return eq < 0 || value == filter[(eq + 1)..];
    }

    private static bool IsAncestor(ContainerRecord c, string v)
    {
        var hex = c.Image.StartsWith("sha256:", StringComparison.Ordinal) ? c.Image[7..] : c.Image;
        var want = v.StartsWith("sha256:", StringComparison.Ordinal) ? v[7..] : v;
        if (want.Length >= 4 && hex.StartsWith(want, StringComparison.Ordinal)) return true;
        static string WithTag(string r) => r.Contains(':') && !r.EndsWith(']') && r.LastIndexOf(':') > r.LastIndexOf('/') ? r : r + ":latest";
        return WithTag(c.Config.Image) == WithTag(v) || c.Config.Image == v;
    }
}
