namespace WebUI.DockerApi.Networks;

/// <summary>The answer to POST /networks/create.</summary>
public sealed record NetworkCreateResponse(string Id, string Warning);
