namespace WebUI.Audit;

/// <summary>The audit log's writer; bound from the "Audit" section.</summary>
public sealed class AuditLogOptions
{
    public const string SectionName = "Audit";

    /// <summary>
    /// Entries queued for the writer at most. When the queue is full, recording waits for room (nothing is dropped); the
    /// writer commits everything queued in one transaction, so this also bounds one commit.
    /// </summary>
    public int QueueCapacity { get; set; } = 4096;
}
