namespace WebUI.DockerApi.Containers;

/// <summary>One probe in State.Health.Log.</summary>
public sealed record HealthLogResponse(string Start, string End, int ExitCode, string Output);
