namespace WebUI.Services;

/// <summary>One line of the containers table.</summary>
public sealed record ContainerRow(string Id, string Name, string State, string Status, string Image, DateTimeOffset Created, IReadOnlyDictionary<string, string> Labels)
{
    public string ShortId => Formats.ShortId(Id);
}
