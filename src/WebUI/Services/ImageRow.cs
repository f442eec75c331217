namespace WebUI.Services;

/// <summary>One line of the images table: names in their familiar form ("busybox:latest"), size and usage.</summary>
public sealed record ImageRow(string Id, IReadOnlyList<string> Tags, long Size, DateTimeOffset? Created, int UsedBy)
{
    /// <summary>The 12 hex digits Docker shows.</summary>
    public string ShortId => Formats.ShortId(Id);

    /// <summary>The first name, or "&lt;none&gt;" for an untagged image.</summary>
    public string Name => Tags.Count > 0 ? Tags[0] : "<none>";
}
