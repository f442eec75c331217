namespace WebUI.Services;

/// <summary>One line of the containers table.</summary>
public sealed record ContainerRow(string Id, string Name, string State, string Status, string Image, DateTimeOffset Created, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<WebUI.Engine.Networks.PortMapping> Ports)
{
    public string ShortId => Formats.ShortId(Id);
}
