namespace WebUI.Engine.Distribution;

/// <summary>What a push ends with: the tag, the manifest digest and its size (Docker's aux message).</summary>
public sealed record PushResult(string Tag, string Digest, long Size);
