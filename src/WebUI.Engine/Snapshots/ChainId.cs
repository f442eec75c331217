using WebUI.Engine.Content;

namespace WebUI.Engine.Snapshots;

/// <summary>OCI chain ids: chainid(1) = diffid(1); chainid(n) = sha256(chainid(n-1) + " " + diffid(n)).</summary>
public static class ChainId
{
    public static IReadOnlyList<Digest> Compute(IReadOnlyList<Digest> diffIds)
    {
        var result = new List<Digest>(diffIds.Count);
        foreach (var diffId in diffIds)
            result.Add(result.Count == 0 ? diffId : Digest.Of(result[^1] + " " + diffId));
        return result;
    }
}
