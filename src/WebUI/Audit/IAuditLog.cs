namespace WebUI.Audit;

/// <summary>The audit log in webui.db: written by every front door, read by the Admin audit page.</summary>
public interface IAuditLog
{
    /// <summary>Appends one entry. A failure to write is logged, never thrown at the caller whose action already happened.</summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The newest entries first matching <paramref name="filter"/>, one page at a time.</summary>
    Task<(IReadOnlyList<AuditEntry> Items, int Total)> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Every matching entry, newest first, streamed from the database (for the CSV export).</summary>
    IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, CancellationToken cancellationToken);
}
