using WebUI.Engine.Content;

namespace WebUI.Engine.Images;

/// <summary>An image found in an archive, not yet verified against its layers: config bytes, layer files (bottom first), names.</summary>
internal sealed record LoadCandidate(byte[] Config, Digest ConfigDigest, IReadOnlyList<LayerSource> Layers, IReadOnlyList<string> Names, IReadOnlyList<string> RepoDigests, byte[]? Manifest = null);

/// <summary>A layer file inside an extracted archive and, where the format names it, the digest and size of that file.</summary>
internal sealed record LayerSource(string Path, Digest? BlobDigest, long? Size, string? MediaType = null);
