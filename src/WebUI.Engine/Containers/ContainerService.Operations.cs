using System.Globalization;
using WebUI.Engine.Errors;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Containers;

// pause / unpause, rename, top and prune.
internal sealed partial class ContainerService
{
    public async Task PauseAsync(string idOrName, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        var live = Live(record.Id);
        await live.Lock.WaitAsync(cancellationToken);
        try
        {
            if (!record.State.Running) throw EngineException.Conflict($"Container {record.Id} is not running");
            if (record.State.Paused) throw EngineException.Conflict($"Container {record.Id} is already paused");
            await runtime.PauseAsync(record.Id, cancellationToken);
            record.State = record.State with { Paused = true, Status = ContainerStatus.Paused };
            store.Save(record);
        }
        finally
        {
            live.Lock.Release();
        }
        Publish(record, "pause");
    }

    public async Task UnpauseAsync(string idOrName, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        var live = Live(record.Id);
        await live.Lock.WaitAsync(cancellationToken);
        try
        {
            if (!record.State.Paused) throw EngineException.Conflict($"Container {record.Id} is not paused");
            await ThawLockedAsync(record, cancellationToken);
        }
        finally
        {
            live.Lock.Release();
        }
        Publish(record, "unpause");
    }

    /// <summary>A signal sent to a frozen container is delivered when it thaws: stop, kill and rm -f thaw it after signalling.</summary>
    private async Task ThawAfterSignalAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        if (!record.State.Paused) return;
        var live = Live(record.Id);
        await live.Lock.WaitAsync(cancellationToken);
        try
        {
            if (record.State.Paused && record.State.Running) await ThawLockedAsync(record, cancellationToken);
        }
        finally
        {
            live.Lock.Release();
        }
    }

    private async Task ThawLockedAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        await runtime.ResumeAsync(record.Id, cancellationToken);
        record.State = record.State with { Paused = false, Status = record.State.Running ? ContainerStatus.Running : record.State.Status };
        store.Save(record);
    }

    public Task RenameAsync(string idOrName, string newName, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        if (string.IsNullOrWhiteSpace(newName)) throw EngineException.Invalid("Neither old nor new names may be empty");
        var name = ContainerNames.Normalize(newName);
        var old = record.Name;
        if (name == old) throw EngineException.Invalid("Renaming a container with the same name as its current name");
        store.ReserveName(name, record.Id);
        record.Name = name;
        store.Save(record);
        store.ReleaseName(old, record.Id);
        Publish(record, "rename", new Dictionary<string, string> { ["oldName"] = old });
        return Task.CompletedTask;
    }

    /// <summary>Runs ps on the host (default "-ef") and keeps the rows of the container's processes, as dockerd does.</summary>
    public async Task<ContainerTop> TopAsync(string idOrName, string? psArgs, CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        if (!record.State.Running) throw EngineException.Conflict($"Container {record.Id} is not running");
        var pids = ConmonRuntime.CgroupPids(record.Id).ToHashSet();
        var args = string.IsNullOrWhiteSpace(psArgs) ? ["-ef"] : psArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ps = await ConmonRuntime.RunAsync("ps", args, null, cancellationToken);
        if (ps.ExitCode != 0) throw EngineException.Invalid($"ps: {ps.Message}");
        var lines = ps.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) throw EngineException.Invalid("ps printed nothing");
        var titles = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pidColumn = Array.IndexOf(titles, "PID");
        if (pidColumn < 0) throw EngineException.Invalid("Couldn't find PID field in ps output");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var line in lines.Skip(1))
        {
            // The last column (the command) may hold spaces: split into as many fields as there are titles.
            var fields = SplitFields(line, titles.Length);
            if (fields.Count <= pidColumn || !int.TryParse(fields[pidColumn], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (pids.Contains(pid)) rows.Add(fields);
        }
        return new ContainerTop(titles, rows);
    }

    /// <summary>Removes stopped containers that match the filters (until, label, label!).</summary>
    public async Task<ContainerPruneResult> PruneAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken)
    {
        foreach (var key in filters.Keys)
            if (key is not ("until" or "label" or "label!")) throw EngineException.Invalid($"invalid filter '{key}'");
        DateTimeOffset? until = filters.TryGetValue("until", out var u) && u.Count > 0 ? ParseUntil(u[0]) : null;
        var deleted = new List<string>();
        long reclaimed = 0;
        foreach (var c in store.All())
        {
            if (c.State.Running || c.State.Restarting || c.State.Paused) continue;
            if (until is not null && c.Created >= until) continue;
            if (filters.TryGetValue("label", out var labels) && !labels.All(l => HasLabel(c, l))) continue;
            if (filters.TryGetValue("label!", out var notLabels) && notLabels.Any(l => HasLabel(c, l))) continue;
            var size = SizeRw(c.Id);
            try
            {
                await RemoveAsync(c.Id, force: false, removeVolumes: false, cancellationToken);
            }
            catch (EngineException e) when (e.Kind is ErrorKind.Conflict or ErrorKind.NotFound) { continue; }
            deleted.Add(c.Id);
            reclaimed += size;
        }
        return new ContainerPruneResult(deleted, reclaimed);
    }

    private DateTimeOffset ParseUntil(string value)
    {
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        if (GoDuration.TryParse(value, out var d)) return time.GetUtcNow() - d;
        throw EngineException.Invalid($"invalid filter 'until={value}'");
    }

    private static bool HasLabel(ContainerRecord c, string filter)
    {
        var eq = filter.IndexOf('=');
        var labels = c.Config.Labels ?? [];
        return eq < 0 ? labels.ContainsKey(filter) : labels.TryGetValue(filter[..eq], out var v) && v == filter[(eq + 1)..];
    }

    private static List<string> SplitFields(string line, int count)
    {
        var fields = new List<string>();
        var rest = line.TrimStart();
        while (fields.Count < count - 1 && rest.Length > 0)
        {
            var space = rest.IndexOf(' ');
            if (space < 0) break;
            fields.Add(rest[..space]);
            rest = rest[space..].TrimStart();
        }
        if (rest.Length > 0) fields.Add(rest);
        return fields;
    }
}
