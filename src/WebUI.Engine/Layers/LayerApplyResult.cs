using WebUI.Engine.Content;

namespace WebUI.Engine.Layers;

/// <summary>The outcome of applying a layer: its diff id (sha256 of the uncompressed tar), the bytes of file content it wrote, and its OCI media type as detected.</summary>
public sealed record LayerApplyResult(Digest DiffId, long Size, string MediaType);
