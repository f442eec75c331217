namespace WebUI.Services;

/// <summary>One line of the networks table.</summary>
public sealed record NetworkRow(
    string Id,
    string Name,
    string Driver,
    string Subnet,
    string Gateway,
    bool Internal,
    bool Predefined,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Labels,
    int Members)
{
    public string ShortId => Formats.ShortId(Id);
}
