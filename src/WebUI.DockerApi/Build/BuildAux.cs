namespace WebUI.DockerApi.Build;

/// <summary>The aux message of a build: the id of the image built (the CLI's --iidfile and -q read it).</summary>
public sealed record BuildAux(string ID);
