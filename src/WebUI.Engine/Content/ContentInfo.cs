namespace WebUI.Engine.Content;

/// <summary>What the content store knows about a committed blob.</summary>
public sealed record ContentInfo(Digest Digest, long Size, DateTimeOffset CreatedAt);
