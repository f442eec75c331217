using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebUI.Engine.Recording;

/// <summary>Applies the retention setting: deletes recordings older than RetentionDays, then the oldest while all exceed MaxTotalBytes.</summary>
internal sealed partial class RecordingRetention(
    RecordingStore store, IOptions<RecordingOptions> options, TimeProvider time, ILogger<RecordingRetention> logger) : BackgroundService
{
    /// <summary>One pass; returns how many recordings were deleted. Recordings still being written (no end) are kept.</summary>
    public int Sweep()
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var all = store.All().Where(r => r.Info.Ended is not null).OrderBy(r => r.Info.Started).ToList();
        var deleted = 0;
        var total = all.Sum(r => r.Bytes);
        foreach (var (info, bytes) in all)
        {
            var expired = o.RetentionDays > 0 && info.Started < now.AddDays(-o.RetentionDays);
            if (!expired && total <= o.MaxTotalBytes) continue;
            try
            {
                store.Delete(info);
                total -= bytes;
                deleted++;
            }
            catch (IOException e) { LogDeleteFailed(logger, info.Id, e.Message); }
        }
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval > TimeSpan.Zero ? options.Value.SweepInterval : TimeSpan.FromHours(1);
        do
        {
            try
            {
                var n = Sweep();
                if (n > 0) LogSwept(logger, n);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { LogDeleteFailed(logger, "*", e.Message); }
        }
        while (await WaitAsync(interval, stoppingToken));
    }

    private async Task<bool> WaitAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(interval, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) { return false; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "recording retention deleted {Count} recordings")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not delete recording {Id}: {Reason}")]
    private static partial void LogDeleteFailed(ILogger logger, string id, string reason);
}
