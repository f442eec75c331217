namespace WebUI.Audit;

/// <summary>The audit log in webui.db: written by every front door, read by the Admin audit page.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends one entry; the task completes once it is committed. A failure to write is logged, never thrown at the
    /// caller whose action already happened.
    /// </summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Queues one entry and returns without waiting for its commit (it waits only while the queue is full), for a request
    /// path that must not wait for the database; it is committed within milliseconds. Failures are logged, never thrown.
    /// </summary>
    ValueTask QueueAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The newest entries first matching <paramref name="filter"/>, one page at a time; entries queued before the call are included.</summary>
    Task<(IReadOnlyList<AuditEntry> Items, int Total)> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Every matching entry, newest first, streamed from the database (for the CSV export); entries queued before the call are included.</summary>
    IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, CancellationToken cancellationToken);
}
