namespace WebUI.Engine.Networks;

/// <summary>A range that subnets are carved from (Docker's default-address-pools entry).</summary>
public sealed class AddressPoolOptions
{
    public string Base { get; set; } = "";

    /// <summary>Prefix length of each subnet carved from <see cref="Base"/>.</summary>
    public int Size { get; set; } = 24;
}
