namespace WebUI.Engine.Containers;

/// <summary>A block-IO weight for one device (--blkio-weight-device).</summary>
public sealed class WeightDevice
{
    /// <summary>The device node on the host, e.g. /dev/vda.</summary>
    public string Path { get; set; } = "";

    /// <summary>10 to 1000.</summary>
    public ushort Weight { get; set; }
}
