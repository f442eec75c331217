using System.Collections.Concurrent;
using WebUI.Engine.Distribution;

namespace WebUI.Engine.Build;

/// <summary>
/// Collects a base-image pull's progress as the text lines Docker's legacy builder prints ("latest: Pulling from
/// library/busybox", "abc123: Pull complete", "Digest: ...", "Status: ..."); byte counts are left out of a build log.
/// </summary>
internal sealed class BuildPullProgress : IProgress<DistributionProgress>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Report(DistributionProgress value)
    {
        if (value.Current is not null) return;
        _lines.Enqueue(value.Id is null ? value.Status + "\n" : $"{value.Id}: {value.Status}\n");
    }

    /// <summary>The lines reported since the last call, in order.</summary>
    public IEnumerable<string> Drain()
    {
        while (_lines.TryDequeue(out var line)) yield return line;
    }
}
