using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Events;
using WebUI.Engine.Volumes;
using WebUI.Audit;
using WebUI.Identity;

namespace WebUI.Services;

/// <summary>The volumes page's view of the engine: the list with usage, create from the form, remove, inspect.</summary>
public sealed class VolumesView(IVolumeService volumes, IEnumerable<IVolumeUsage> usages, IContainerService containers, IEventBus events, ChangeGuard guard)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> NoFilters = [];

    public IReadOnlyList<VolumeRow> List(string? search) => volumes
        .List(NoFilters)
        .Where(v => Paging.Matches(search, [v.Name, v.Driver, .. v.Labels.Select(l => $"{l.Key}={l.Value}")]))
        .OrderBy(v => v.Name, StringComparer.Ordinal)
        .Select(v => new VolumeRow(v.Name, v.Driver, v.Mountpoint, v.CreatedAt, v.Labels, UsersOf(v.Name).Count))
        .ToList();

    /// <summary>Creates a volume of the local driver from the form; empty fields are left out, an empty name makes an anonymous volume.</summary>
    public Task<VolumeRecord> CreateAsync(VolumeForm form, CancellationToken cancellationToken)
    {
        var options = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(form.Type)) options["type"] = form.Type.Trim();
        if (!string.IsNullOrWhiteSpace(form.Options)) options["o"] = form.Options.Trim();
        if (!string.IsNullOrWhiteSpace(form.Device)) options["device"] = form.Device.Trim();
        // Driver options can mount anything of the host (o=bind, device=/): Admins only.
        return guard.RunAsync(options.Count > 0 ? Policies.Admin : Policies.Operator, AuditActions.VolumeCreate, form.Name?.Trim(), () => volumes.CreateAsync(new VolumeCreateOptions
        {
            Name = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim(),
            DriverOpts = options,
            Labels = KeyValueLines.Parse(form.Labels),
        }, cancellationToken), cancellationToken);
    }

    public Task RemoveAsync(string name, bool force, CancellationToken cancellationToken) =>
        guard.RunAsync(Policies.Operator, AuditActions.VolumeRemove, name, () => volumes.RemoveAsync(name, force, cancellationToken), cancellationToken);

    public VolumeDetails Inspect(string name)
    {
        var volume = volumes.Get(name);
        return new VolumeDetails(volume, volumes.SizeOf(name), UsersOf(name).Select(NameOf).ToList());
    }

    /// <summary>A directory of the volume's data, read-only; <paramref name="path"/> is inside the volume ("/" is its root).</summary>
    public IReadOnlyList<VolumeFileEntry> ListFiles(string name, string path) => VolumeFiles.List(volumes.Get(name).Mountpoint, path);

    /// <summary>A file of the volume's data as text (its start when large; null text when binary).</summary>
    public Task<VolumeFileText> ReadFileAsync(string name, string path, CancellationToken cancellationToken) =>
        VolumeFiles.ReadTextAsync(volumes.Get(name).Mountpoint, path, cancellationToken);

    /// <summary>Calls <paramref name="changed"/> when a volume changes or a container mounts or releases one.</summary>
    public IDisposable OnChange(Action changed) =>
        events.Subscribe(e => { if (e.Type is "volume" || (e.Type == "container" && e.Action is "create" or "destroy")) changed(); });

    private VolumeUser NameOf(string containerId)
    {
        try
        {
            return new VolumeUser(containerId, containers.Get(containerId).Name.TrimStart('/'));
        }
        catch (EngineException e) when (e.Kind == ErrorKind.NotFound)
        {
            return new VolumeUser(containerId, Formats.ShortId(containerId));
        }
    }

    private List<string> UsersOf(string name) => usages.SelectMany(u => u.ContainersUsing(name)).Distinct().ToList();
}
