using WebUI.Engine.Errors;

namespace WebUI.Engine.Containers;

// Restart policies with Docker's semantics: no / on-failure[:N] / always / unless-stopped. A stop or kill by the user is
// respected until the next start; at engine start "always" containers come back even so, "unless-stopped" ones do not.
// Between restarts the container is "restarting" for a backoff that doubles from 100 ms (to a minute), reset after a
// run of 10 s or more.
internal sealed partial class ContainerService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BackoffResetAfter = TimeSpan.FromSeconds(10);

    /// <summary>Whether the policy restarts a container whose run just ended (State holds its exit).</summary>
    private static bool ShouldRestart(ContainerRecord record) => !record.ManuallyStopped && PolicyWants(record);

    private static bool PolicyWants(ContainerRecord record)
    {
        var policy = record.HostConfig.RestartPolicy;
        return policy.Name switch
        {
            "always" or "unless-stopped" => true,
            "on-failure" => record.State.ExitCode != 0 && (policy.MaximumRetryCount <= 0 || record.RestartCount < policy.MaximumRetryCount),
            _ => false,
        };
    }

    /// <summary>Called under the container's lock, with State already "restarting".</summary>
    private void ScheduleRestart(ContainerRecord record, LiveContainer live, TimeSpan ran)
    {
        if (ran >= BackoffResetAfter) live.RestartDelay = TimeSpan.Zero;
        live.RestartDelay = live.RestartDelay == TimeSpan.Zero ? FirstBackoff
            : live.RestartDelay * 2 > MaxBackoff ? MaxBackoff : live.RestartDelay * 2;
        var delay = live.RestartDelay;
        var cancel = new CancellationTokenSource();
        live.PendingRestart?.Cancel();
        live.PendingRestart = cancel;
        _ = Task.Run(async () =>
        {
            try { await Task.Delay(delay, time, cancel.Token); }
            catch (OperationCanceledException) { return; }
            await live.Lock.WaitAsync();
            try
            {
                if (cancel.IsCancellationRequested || live.Removed || !record.State.Restarting || record.ManuallyStopped) return;
                record.RestartCount++;
                await StartLockedAsync(record, live, CancellationToken.None);
            }
            catch (Exception e)
            {
                LogRestartFailed(logger, record.Id, e);
            }
            finally
            {
                if (ReferenceEquals(live.PendingRestart, cancel)) live.PendingRestart = null;
                cancel.Dispose();
                live.Lock.Release();
            }
        });
    }

    /// <summary>Ends a scheduled restart (stop or remove of a restarting container); the caller holds the lock.</summary>
    private void CancelRestartLocked(ContainerRecord record, LiveContainer live)
    {
        live.PendingRestart?.Cancel();
        live.PendingRestart = null;
        if (!record.State.Restarting) return;
        record.State = record.State with { Status = ContainerStatus.Exited, Restarting = false };
        store.Save(record);
    }

    /// <summary>Stop of a container waiting for its next restart: the restart is called off and the stop remembered.</summary>
    private async Task<bool> StopRestartingAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        if (!record.State.Restarting) return false;
        var live = Live(record.Id);
        await live.Lock.WaitAsync(cancellationToken);
        try
        {
            if (!record.State.Restarting) return false;
            record.ManuallyStopped = true;
            CancelRestartLocked(record, live);
        }
        finally
        {
            live.Lock.Release();
        }
        Publish(record, "stop");
        return true;
    }

    /// <summary>At engine start: containers that are not running and whose policy wants them running are started.</summary>
    private async Task ApplyRestartPoliciesAtStartAsync(CancellationToken cancellationToken)
    {
        foreach (var record in store.All())
        {
            if (record.State.Running || record.State.StartedAt == default) continue;
            var live = Live(record.Id);
            var wanted = record.HostConfig.RestartPolicy.Name switch
            {
                // Docker: "always" comes back after a daemon restart even when it was stopped by hand.
                "always" => true,
                "unless-stopped" => !record.ManuallyStopped,
                "on-failure" => !record.ManuallyStopped && PolicyWants(record),
                _ => false,
            };
            if (!wanted)
            {
                if (record.State.Restarting) CancelRestartLocked(record, live);
                continue;
            }
            await live.Lock.WaitAsync(cancellationToken);
            try
            {
                if (live.Removed || record.State.Running) continue;
                if (!record.ManuallyStopped) record.RestartCount++;
                record.ManuallyStopped = false;
                await StartLockedAsync(record, live, cancellationToken);
            }
            catch (EngineException e)
            {
                LogRestartFailed(logger, record.Id, e);
            }
            finally
            {
                live.Lock.Release();
            }
        }
    }

    /// <summary>
    /// Whether the kernel's OOM killer hit the container's cgroup during this run: its oom_kill counter (the cgroup is
    /// made afresh at each start), or the "oom" file conmon leaves in the bundle when it saw the event itself. conmon
    /// alone is not enough: it often handles the exit before the OOM event and then never writes the file.
    /// </summary>
    private bool OomKilled(ContainerRecord record) =>
        Runtime.ConmonRuntime.OomKills(record.Id) > 0 || File.Exists(Path.Combine(Paths.BundleDir(record.Id), "oom"));
}
