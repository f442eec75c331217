using Microsoft.Extensions.Logging;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;
using WebUI.Engine.Snapshots;

namespace WebUI.Engine.Commit;

/// <summary>
/// docker commit: the container's upper directory becomes one new layer (the container keeps its own copy), the
/// image config is the container's config with the request's overrides and --change lines, plus one history entry.
/// A running container is paused (docker pause) while its changes are read unless pause=false.
/// </summary>
internal sealed partial class ContainerCommitter(
    IContainerService containers,
    ImageService images,
    OverlaySnapshotter snapshots,
    LayerCommitter layers,
    TimeProvider time,
    ILogger<ContainerCommitter> logger) : IContainerCommitter
{
    public async Task<ImageRecord> CommitAsync(string container, CommitOptions options, CancellationToken cancellationToken)
    {
        // Everything the user typed is checked before the container is touched.
        var tags = new List<string>();
        if (options.Repository is { Length: > 0 } repo)
        {
            var name = options.Tag is { Length: > 0 } tag ? repo + ":" + tag : repo;
            ImageService.ValidateTag(name);
            tags.Add(name);
        }
        else if (options.Tag is { Length: > 0 })
            throw EngineException.Invalid("tag is not allowed without a repository");

        var record = containers.Get(container);
        var parent = await images.GetAsync(record.Image, cancellationToken);
        var config = ConfigOf(record.Config);
        if (options.Config is { } overrides) Override(config, overrides);
        ImageChanges.Apply(config, options.Changes);

        var paused = false;
        if (options.Pause && record.State.Running && !record.State.Paused)
        {
            await containers.PauseAsync(record.Id, cancellationToken);
            paused = true;
        }
        CommittedLayer layer;
        try
        {
            var upper = snapshots.UpperDirOf(record.Id);
            layer = await layers.CommitAsync(upper, parent.TopChainId, takeDirectory: false, LayerDiff.ContainerMountPoints, cancellationToken);
        }
        finally
        {
            if (paused) await ResumeAsync(record.Id);
        }

        var now = time.GetUtcNow();
        var command = string.Join(' ', new[] { record.Path }.Concat(record.Args));
        var spec = new ImageSpec
        {
            Architecture = parent.Spec.Architecture,
            Os = parent.Spec.Os,
            Variant = parent.Spec.Variant,
            Created = now,
            Author = string.IsNullOrEmpty(options.Author) ? null : options.Author,
            Comment = string.IsNullOrEmpty(options.Comment) ? null : options.Comment,
            Config = config,
            History = [.. parent.Spec.History ?? [], new HistoryEntry
            {
                Created = now, CreatedBy = command,
                Author = string.IsNullOrEmpty(options.Author) ? null : options.Author,
                Comment = string.IsNullOrEmpty(options.Comment) ? null : options.Comment,
            }],
        };
        var image = await images.RegisterChildAsync(parent, spec, layer, tags, "", cancellationToken);
        LogCommitted(logger, record.Id, image.Id, layer.Size);
        return image;
    }

    private async Task ResumeAsync(string id)
    {
        try { await containers.UnpauseAsync(id, CancellationToken.None); }
        catch (EngineException e) { LogResumeFailed(logger, id, e.Message); }
    }

    /// <summary>The image-config part of a container's configuration.</summary>
    internal static ImageConfig ConfigOf(ContainerConfig c) => new()
    {
        User = NullIfEmpty(c.User),
        ExposedPorts = c.ExposedPorts is { Count: > 0 } p ? new(p) : null,
        Env = c.Env is { Count: > 0 } e ? [.. e] : null,
        Entrypoint = c.Entrypoint is { Count: > 0 } ep ? [.. ep] : null,
        Cmd = c.Cmd is { Count: > 0 } cmd ? [.. cmd] : null,
        Volumes = c.Volumes is { Count: > 0 } v ? new(v) : null,
        WorkingDir = NullIfEmpty(c.WorkingDir),
        Labels = c.Labels is { Count: > 0 } l ? new(l) : null,
        StopSignal = NullIfEmpty(c.StopSignal),
        Healthcheck = c.Healthcheck,
        OnBuild = c.OnBuild is { Count: > 0 } o ? [.. o] : null,
        Shell = c.Shell is { Count: > 0 } s ? [.. s] : null,
    };

    private static void Override(ImageConfig config, ContainerConfig o)
    {
        if (!string.IsNullOrEmpty(o.User)) config.User = o.User;
        if (o.ExposedPorts is { Count: > 0 }) config.ExposedPorts = new(o.ExposedPorts);
        if (o.Env is { Count: > 0 }) config.Env = ContainerConfigMerger.MergeEnv(config.Env, o.Env);
        if (o.Entrypoint is { Count: > 0 }) config.Entrypoint = [.. o.Entrypoint];
        if (o.Cmd is { Count: > 0 }) config.Cmd = [.. o.Cmd];
        if (o.Volumes is { Count: > 0 }) config.Volumes = new(o.Volumes);
        if (!string.IsNullOrEmpty(o.WorkingDir)) config.WorkingDir = o.WorkingDir;
        if (o.Labels is { Count: > 0 }) config.Labels = new(o.Labels);
        if (!string.IsNullOrEmpty(o.StopSignal)) config.StopSignal = o.StopSignal;
        if (o.Healthcheck is { } h) config.Healthcheck = h;
        if (o.OnBuild is { Count: > 0 }) config.OnBuild = [.. o.OnBuild];
        if (o.Shell is { Count: > 0 }) config.Shell = [.. o.Shell];
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
