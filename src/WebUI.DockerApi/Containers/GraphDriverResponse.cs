namespace WebUI.DockerApi.Containers;

/// <summary>Where the container's file system is, in Docker's GraphDriver shape.</summary>
public sealed record GraphDriverResponse(string Name, IReadOnlyDictionary<string, string> Data);
