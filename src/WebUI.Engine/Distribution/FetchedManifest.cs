using WebUI.Engine.Content;

namespace WebUI.Engine.Distribution;

/// <summary>A manifest as received from a registry: its bytes, its Content-Type and their digest.</summary>
internal sealed record FetchedManifest(byte[] Bytes, string? ContentType, Digest Digest);
