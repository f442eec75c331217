namespace WebUI.Engine.Networks;

/// <summary>The default `bridge` network (Docker's docker0): the device name, subnet and gateway.</summary>
public sealed class DefaultBridgeOptions
{
    /// <summary>The Linux bridge device (at most 15 characters).</summary>
    public string Name { get; set; } = "webui0";

    public string Subnet { get; set; } = "172.30.0.0/16";

    /// <summary>Empty: the first address of the subnet.</summary>
    public string Gateway { get; set; } = "";
}
