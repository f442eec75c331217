using WebUI.Engine.Containers;
using WebUI.Engine.Snapshots;

namespace WebUI.DockerApi.Containers;

/// <summary>Builds Docker's JSON shapes from a stored container.</summary>
internal static class ContainerResponses
{
    public static ContainerInspectResponse Inspect(ContainerRecord c, ISnapshotter snapshots, ContainerSize? size, WebUI.Engine.Networks.INetworkManager networks)
    {
        var s = c.State;
        return new ContainerInspectResponse
        {
            Id = c.Id,
            Created = DockerTime.Format(c.Created),
            Path = c.Path,
            Args = c.Args,
            State = new ContainerStateResponse(s.Status, s.Running, s.Paused, s.Restarting, s.OOMKilled, s.Dead, s.Pid, s.ExitCode,
                s.Error, DockerTime.Format(s.StartedAt), DockerTime.Format(s.FinishedAt)) { Health = HealthResponse.From(s.Health) },
            Image = c.Image,
            ResolvConfPath = c.ResolvConfPath,
            HostnamePath = c.HostnamePath,
            HostsPath = c.HostsPath,
            LogPath = c.LogPath,
            Name = c.Name,
            RestartCount = c.RestartCount,
            HostConfig = c.HostConfig,
            GraphDriver = new GraphDriverResponse("overlay2", GraphData(c, snapshots)),
            SizeRw = size?.Rw,
            SizeRootFs = size?.RootFs,
            Config = c.Config,
            NetworkSettings = Networks.ContainerNetworkSettings.Settings(c, networks),
            Mounts = [.. c.MountPoints.Select(MountPoint)],
        };
    }

    public static MountPointResponse MountPoint(MountPoint m) => new(
        m.Type, m.Type == "volume" ? m.Name : null, m.Source, m.Destination, m.Type == "volume" ? m.Driver : null, m.Mode, m.RW, m.Propagation);

    public static ContainerSummary Summary(ContainerRecord c, DateTimeOffset now, ContainerSize? size, WebUI.Engine.Networks.INetworkManager networks) => new()
    {
        Id = c.Id,
        Names = [c.Name],
        Image = c.Config.Image,
        ImageID = c.Image,
        Command = string.Join(' ', new[] { c.Path }.Concat(c.Args)),
        Created = c.Created.ToUnixTimeSeconds(),
        SizeRw = size?.Rw,
        SizeRootFs = size?.RootFs,
        Labels = c.Config.Labels ?? new Dictionary<string, string>(),
        State = c.State.Status,
        Status = ContainerStatusText.Describe(c.State, now),
        HostConfig = new ContainerSummaryHostConfig(c.HostConfig.NetworkMode),
        NetworkSettings = new ContainerSummaryNetworkSettings(Networks.ContainerNetworkSettings.Networks(c, networks)),
        Mounts = [.. c.MountPoints.Select(MountPoint)],
    };

    private static Dictionary<string, string> GraphData(ContainerRecord c, ISnapshotter snapshots)
    {
        var data = new Dictionary<string, string>();
        try
        {
            var m = snapshots.Mounts(c.Id).FirstOrDefault();
            if (m is null) return data;
            foreach (var o in m.Options)
            {
                var eq = o.IndexOf('=');
                if (eq < 0) continue;
                switch (o[..eq])
                {
                    case "lowerdir": data["LowerDir"] = o[(eq + 1)..]; break;
                    case "upperdir": data["UpperDir"] = o[(eq + 1)..]; break;
                    case "workdir": data["WorkDir"] = o[(eq + 1)..]; break;
                }
            }
            data["MergedDir"] = Path.Combine(Path.GetDirectoryName(c.LogPath)!, "bundle", "rootfs");
        }
        catch (WebUI.Engine.Errors.EngineException) { }
        return data;
    }
}
