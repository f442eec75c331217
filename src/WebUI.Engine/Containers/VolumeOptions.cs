namespace WebUI.Engine.Containers;

/// <summary>--mount type=volume options: volume-nocopy, volume-label, volume-driver, volume-opt.</summary>
public sealed class VolumeOptions
{
    public bool NoCopy { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public VolumeDriverConfig? DriverConfig { get; set; }
    public string Subpath { get; set; } = "";
}
