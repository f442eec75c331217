using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebUI.Identity;

namespace WebUI.Audit;

/// <summary>
/// The audit log on EF Core. Entries go into a bounded queue; one writer on its own thread (not the thread pool: SQLite
/// blocks for its fsync) takes everything queued and commits it in one transaction, so many entries cost one fsync and
/// never contend with each other for SQLite's write lock. Reads open a fresh context per call after waiting for the
/// entries queued before them, so they see their own writes. The host's stop drains the queue (<see cref="AuditLogDrain"/>).
/// </summary>
internal sealed partial class AuditLog : IAuditLog, IAsyncDisposable, IDisposable
{
    private readonly IDbContextFactory<WebUIDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditLog> _logger;
    private readonly Channel<AuditWrite> _queue;
    private readonly Task _writer;

    /// <summary>Entries queued and not yet committed (or failed); zero lets a read skip its barrier.</summary>
    private long _pending;

    public AuditLog(IDbContextFactory<WebUIDbContext> contexts, TimeProvider time, IOptions<AuditLogOptions> options, ILogger<AuditLog> logger)
    {
        _contexts = contexts;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<AuditWrite>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Factory.StartNew(Write, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var write = await EnqueueAsync(record, cancellationToken);
        // The action already happened: the entry is committed even when the caller went away, and the caller learns when.
        if (write is not null) await write.Done.Task;
    }

    public async ValueTask QueueAsync(AuditRecord record, CancellationToken cancellationToken) =>
        await EnqueueAsync(record, cancellationToken);

    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        await WaitForQueuedAsync(cancellationToken);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await WaitForQueuedAsync(cancellationToken);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter).OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        await foreach (var entry in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return entry;
    }

    /// <summary>Stops taking entries and waits until the writer has committed everything queued; later entries are logged as not written.</summary>
    public Task DrainAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return _writer.WaitAsync(cancellationToken);
    }

    /// <summary>Ends the writer if the host was never stopped (drained already otherwise).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    /// <summary>Stamps and queues the entry (waiting only while the queue is full); null when it could not be queued (logged).</summary>
    private async ValueTask<AuditWrite?> EnqueueAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var write = new AuditWrite(new AuditEntry
        {
            At = _time.GetUtcNow(),
            UserName = record.UserName,
            Action = record.Action,
            Resource = record.Resource,
            Result = record.Result,
            FrontDoor = record.FrontDoor,
            Source = record.Source,
            Detail = record.Detail,
        });
        Interlocked.Increment(ref _pending);
        try
        {
            if (!_queue.Writer.TryWrite(write)) await _queue.Writer.WriteAsync(write, cancellationToken);
            return write;
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            Interlocked.Decrement(ref _pending);
            LogWriteFailed(_logger, record.Action, record.UserName, e);
            return null;
        }
    }

    /// <summary>Returns once every entry queued before the call is committed (or has failed), so a read sees its own writes.</summary>
    private async Task WaitForQueuedAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _pending) == 0) return;
        var barrier = new AuditWrite(null);
        try
        {
            if (!_queue.Writer.TryWrite(barrier)) await _queue.Writer.WriteAsync(barrier, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Shut down: the writer has drained, or is draining, what was queued.
            return;
        }
        await barrier.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The writer, on its own thread: everything queued at once goes into one transaction.</summary>
    private void Write()
    {
        var reader = _queue.Reader;
        var batch = new List<AuditWrite>();
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var write)) batch.Add(write);
            var entries = batch.Where(w => w.Entry is not null).Select(w => w.Entry!).ToList();
            if (entries.Count > 0) Commit(entries);
            Interlocked.Add(ref _pending, -entries.Count);
            foreach (var write in batch) write.Done.TrySetResult();
            batch.Clear();
        }
    }

    private void Commit(List<AuditEntry> entries)
    {
        try
        {
            Save(entries);
            return;
        }
        // The writer's thread must survive any failure (a crash here would take the process down): log and go on.
        catch (Exception e) when (entries.Count > 1)
        {
            LogBatchFailed(_logger, entries.Count, e);
        }
        catch (Exception e)
        {
            LogWriteFailed(_logger, entries[0].Action, entries[0].UserName, e);
            return;
        }
        // One bad entry must not lose the others: each on its own, as they were written before batching.
        foreach (var entry in entries)
        {
            entry.Id = 0;
            try
            {
                Save([entry]);
            }
            catch (Exception e)
            {
                LogWriteFailed(_logger, entry.Action, entry.UserName, e);
            }
        }
    }

    private void Save(List<AuditEntry> entries)
    {
        using var db = _contexts.CreateDbContext();
        db.AuditEntries.AddRange(entries);
        db.SaveChanges();
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
