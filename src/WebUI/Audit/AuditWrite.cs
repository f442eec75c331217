namespace WebUI.Audit;

/// <summary>
/// One item of the writer's queue: an entry to insert, or (no entry) a barrier a reader waits on, done once everything
/// queued before it is committed.
/// </summary>
internal sealed class AuditWrite(AuditEntry? entry)
{
    public AuditEntry? Entry { get; } = entry;

    /// <summary>Completed (never faulted) after the commit that held the entry; continuations run off the writer's thread.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
