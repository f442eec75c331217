namespace WebUI.Engine.Containers;

/// <summary>The driver and its options of a --mount type=volume that creates its volume.</summary>
public sealed class VolumeDriverConfig
{
    public string Name { get; set; } = "";
    public Dictionary<string, string>? Options { get; set; }
}
