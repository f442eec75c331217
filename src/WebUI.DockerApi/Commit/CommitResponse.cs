namespace WebUI.DockerApi.Commit;

/// <summary>POST /commit's answer: the new image id.</summary>
public sealed record CommitResponse(string Id);
