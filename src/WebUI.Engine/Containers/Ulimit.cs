namespace WebUI.Engine.Containers;

/// <summary>One --ulimit name=soft[:hard] (Docker's HostConfig.Ulimits item).</summary>
public sealed class Ulimit
{
    public string Name { get; set; } = "";
    public long Soft { get; set; }
    public long Hard { get; set; }
}
