using WebUI.Engine.Errors;

namespace WebUI.Engine.Containers;

/// <summary>docker ps filtering: status, name, label, id, ancestor, exited, before, since, health, volume, is-task; then newest first and limit.</summary>
internal static class ContainerFilters
{
    private static readonly string[] Known = ["status", "name", "label", "id", "ancestor", "exited", "before", "since", "health", "volume", "is-task"];
    private static readonly string[] HealthValues = ["starting", "healthy", "unhealthy", "none"];
    private static readonly string[] Statuses = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];

    public static IReadOnlyList<ContainerRecord> Apply(ContainerStore store, IReadOnlyList<ContainerRecord> all, ContainerListOptions options)
    {
        var f = options.Filters;
        foreach (var key in f.Keys)
            if (!Known.Contains(key)) throw EngineException.Invalid($"invalid filter '{key}'");
        foreach (var s in Get(f, "status"))
            if (!Statuses.Contains(s)) throw EngineException.Invalid($"invalid filter 'status={s}'");

        foreach (var h in Get(f, "health"))
            if (!HealthValues.Contains(h)) throw EngineException.Invalid($"Unrecognised filter value for health: {h}");
        // Swarm tasks are containers swarm manages: this engine has none, so is-task=true lists nothing.
        var isTask = Get(f, "is-task").Select(v => bool.TryParse(v, out var b) ? b : throw EngineException.Invalid($"invalid filter 'is-task={v}'")).ToList();

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
            (before is null || c.Created < before) &&
            (since is null || c.Created > since));
        if (options.Limit > 0) q = q.Take(options.Limit.Value);
        return [.. q];
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
