using Microsoft.EntityFrameworkCore;
using WebUI.Identity;

namespace WebUI.Audit;

/// <summary>The audit log on EF Core: a fresh context per call, so it is safe from circuits, middleware and pages alike.</summary>
internal sealed partial class AuditLog(IDbContextFactory<WebUIDbContext> contexts, TimeProvider time, ILogger<AuditLog> logger) : IAuditLog
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry
            {
                At = time.GetUtcNow(),
                UserName = record.UserName,
                Action = record.Action,
                Resource = record.Resource,
                Result = record.Result,
                FrontDoor = record.FrontDoor,
                Source = record.Source,
                Detail = record.Detail,
            });
            // The action already happened: the record is written even when the caller went away.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or OperationCanceledException)
        {
            LogWriteFailed(logger, record.Action, record.UserName, e);
        }
    }

    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter).OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        await foreach (var entry in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return entry;
    }

    private static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.UserName)) query = query.Where(a => a.UserName == filter.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(a => a.Action.StartsWith(action));
        }
        if (filter.From is { } from) query = query.Where(a => a.At >= from);
        if (filter.To is { } to) query = query.Where(a => a.At <= to);
        return query;
    }
}
