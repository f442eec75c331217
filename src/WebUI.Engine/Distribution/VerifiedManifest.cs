using WebUI.Engine.Content;

namespace WebUI.Engine.Distribution;

/// <summary>A fetched manifest after parsing and digest verification, with the bytes it was parsed from.</summary>
internal sealed record VerifiedManifest(ManifestDocument Manifest, Digest Digest, byte[] Bytes);
