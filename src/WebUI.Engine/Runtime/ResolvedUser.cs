namespace WebUI.Engine.Runtime;

/// <summary>The numeric identity a container process runs as.</summary>
internal sealed record ResolvedUser(uint Uid, uint Gid, IReadOnlyList<uint> AdditionalGids, string Home);
