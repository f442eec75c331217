using System.Runtime.CompilerServices;
using WebUI.Engine.Runtime;
using WebUI.Engine.Stats;

namespace WebUI.Engine.Containers;

// Resource usage samples from the container's cgroup, as dockerd's stats collector gives them: one a second, each
// carrying the previous sample's CPU figures (precpu_stats) so clients compute CPU % from the difference.
internal sealed partial class ContainerService
{
    private static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(1);
    private readonly CgroupStatsReader _statsReader = new();

    /// <summary>
    /// Streamed: a sample a second until cancelled (or the container is removed). Not streamed: one sample, with precpu
    /// from a sample a second earlier unless <paramref name="oneShot"/>. A stopped container gives zeroed samples.
    /// </summary>
    public async IAsyncEnumerable<ContainerStats> StatsAsync(string idOrName, bool stream, bool oneShot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var record = store.Get(idOrName);
        var live = Live(record.Id);
        ContainerStats? previous = null;
        if (!stream && !oneShot)
        {
            previous = Sample(record, null);
            await Task.Delay(StatsInterval, time, cancellationToken);
        }
        while (true)
        {
            var sample = Sample(record, previous);
            yield return sample;
            if (!stream || live.Removed) yield break;
            previous = sample;
            await Task.Delay(StatsInterval, time, cancellationToken);
        }
    }

    private ContainerStats Sample(ContainerRecord record, ContainerStats? previous)
    {
        var now = time.GetUtcNow();
        if (!record.State.Running)
            return new ContainerStats { Read = now, Id = record.Id, Name = record.Name, PreRead = previous?.Read ?? default };
        return _statsReader.Read(ConmonRuntime.CgroupPath(record.Id), record.State.Pid, record.Id, record.Name, previous, now);
    }
}
