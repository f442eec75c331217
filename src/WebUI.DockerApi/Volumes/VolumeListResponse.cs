namespace WebUI.DockerApi.Volumes;

/// <summary>GET /volumes.</summary>
public sealed record VolumeListResponse(IReadOnlyList<VolumeResponse> Volumes, IReadOnlyList<string> Warnings);
