namespace WebUI.Engine.Containers;

/// <summary>One --device host[:container[:perms]] (Docker's HostConfig.Devices item).</summary>
public sealed class DeviceMapping
{
    public string PathOnHost { get; set; } = "";
    public string PathInContainer { get; set; } = "";
    public string CgroupPermissions { get; set; } = "";
}
