namespace WebUI.Engine.Containers;

/// <summary>What the engine holds about a container beyond its record: its lock, waiters, attach sessions and current run.</summary>
internal sealed class LiveContainer
{
    /// <summary>Serializes start, exit handling and removal of one container.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public Lock Gate { get; } = new();

    /// <summary>Guarded by <see cref="Gate"/>.</summary>
    public List<(WaitCondition Condition, TaskCompletionSource<WaitResult> Result)> Waiters { get; } = [];

    /// <summary>Attach sessions that connect at the next start; guarded by <see cref="Gate"/>.</summary>
    public List<ContainerAttachment> PendingAttachments { get; } = [];

    /// <summary>Completes when the current run ends (exit handled); replaced at each start.</summary>
    public TaskCompletionSource Exited { get; set; } = CompletedRun();

    public bool Removed { get; set; }

    /// <summary>
    /// `runc delete` of the last run (its cgroup and runc's state), started when the exit is handled and left to run
    /// beside the rest; the next start waits for it, so it can never delete a newer run's state.
    /// </summary>
    public Task RuntimeDeletion { get; set; } = Task.CompletedTask;

    /// <summary>The restart policy's current backoff (0 before the first restart; doubles from 100 ms up to a minute).</summary>
    public TimeSpan RestartDelay { get; set; }

    /// <summary>Cancels a restart the policy has scheduled (stop, remove); replaced per schedule.</summary>
    public CancellationTokenSource? PendingRestart { get; set; }

    /// <summary>Stops the health monitor of the current run.</summary>
    public CancellationTokenSource? HealthMonitor { get; set; }

    public static TaskCompletionSource CompletedRun()
    {
        var t = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        t.SetResult();
        return t;
    }
}
