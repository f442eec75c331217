namespace WebUI.DockerApi.Exec;

/// <summary>POST /containers/{id}/exec's answer.</summary>
public sealed record ExecCreateResponse(string Id);
