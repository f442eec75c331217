namespace WebUI.DockerApi.Containers;

/// <summary>One item of Mounts in container inspect (Docker's types.MountPoint).</summary>
public sealed record MountPointResponse(
    string Type, string? Name, string Source, string Destination, string? Driver, string Mode, bool RW, string Propagation);
