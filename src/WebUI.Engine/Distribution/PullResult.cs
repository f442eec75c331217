namespace WebUI.Engine.Distribution;

/// <summary>What a pull ends with: the image id, the digest the reference resolved to, and whether anything new arrived.</summary>
public sealed record PullResult(string ImageId, string Digest, bool Updated);
