namespace WebUI.DockerApi.Images;

/// <summary>One entry of GET /images/{name}/history.</summary>
public sealed record ImageHistoryResponseItem(string Id, long Created, string CreatedBy, IReadOnlyList<string>? Tags, long Size, string Comment);
