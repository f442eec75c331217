using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WebUI.Audit;

namespace WebUI.Identity.Tests;

/// <summary>An EF Core interceptor in the real context's pipeline: counts the successful SaveChanges that wrote audit entries (each one transaction, one commit).</summary>
public sealed class AuditCommitCounter : SaveChangesInterceptor
{
    private long _commits;

    public long Commits => Interlocked.Read(ref _commits);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Count(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Count(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<AuditEntry>().Any()) Interlocked.Increment(ref _commits);
    }
}
