namespace WebUI.Engine.Containers;

/// <summary>A block-IO limit on one device (--device-read-bps, --device-write-bps, --device-read-iops, --device-write-iops).</summary>
public sealed class ThrottleDevice
{
    /// <summary>The device node on the host, e.g. /dev/vda.</summary>
    public string Path { get; set; } = "";

    /// <summary>Bytes or operations per second.</summary>
    public ulong Rate { get; set; }
}
