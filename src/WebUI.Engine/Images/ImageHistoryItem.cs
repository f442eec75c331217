namespace WebUI.Engine.Images;

/// <summary>One line of docker history, newest first: the image id on the top entry, "&lt;missing&gt;" below it as Docker shows for layers it has no image for.</summary>
public sealed record ImageHistoryItem(string Id, long Created, string CreatedBy, IReadOnlyList<string> Tags, long Size, string Comment);
