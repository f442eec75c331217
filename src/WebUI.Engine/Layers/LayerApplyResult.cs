using WebUI.Engine.Content;

namespace WebUI.Engine.Layers;

/// <summary>The outcome of applying a layer: its diff id (sha256 of the uncompressed tar) and the bytes of file content it wrote.</summary>
public sealed record LayerApplyResult(Digest DiffId, long Size);
