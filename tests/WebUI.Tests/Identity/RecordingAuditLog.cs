using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using WebUI.Audit;

namespace WebUI.Tests.Identity;

/// <summary>For component tests: keeps audit records in memory so a test can check what the dashboard recorded.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    public ConcurrentQueue<AuditRecord> Records { get; } = new();

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        Records.Enqueue(record);
        return Task.CompletedTask;
    }

    public ValueTask QueueAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        Records.Enqueue(record);
        return ValueTask.CompletedTask;
    }

    public Task<(IReadOnlyList<AuditEntry> Items, int Total)> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken) =>
        Task.FromResult<(IReadOnlyList<AuditEntry>, int)>(([], 0));

    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }
}
