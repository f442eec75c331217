using WebUI.Engine.Containers.Health;

namespace WebUI.Engine.Containers;

// Health checks as Docker runs them: a probe (an exec in the container) every interval (start interval during the start
// period), each bounded by the timeout. Success makes the container healthy; failures outside the start period count,
// and Retries of them in a row make it unhealthy. A change of status is a "health_status: x" event.
internal sealed partial class ContainerService
{
    /// <summary>Starts the monitor of the current run; the caller holds the lock. A new run starts over, an adopted one keeps its status.</summary>
    private void StartHealthMonitor(ContainerRecord record, LiveContainer live, bool adopted = false)
    {
        StopHealthMonitor(live);
        var check = HealthcheckConfig.From(record.Config.Healthcheck);
        if (check is null)
        {
            if (record.State.Health is not null) { record.State = record.State with { Health = null }; store.Save(record); }
            return;
        }
        if (!adopted || record.State.Health is null)
        {
            record.State = record.State with { Health = new HealthState { Log = record.State.Health?.Log ?? [] } };
            store.Save(record);
        }
        var cts = new CancellationTokenSource();
        live.HealthMonitor = cts;
        _ = Task.Run(() => MonitorHealthAsync(record, live, check, cts.Token));
    }

    private static void StopHealthMonitor(LiveContainer live)
    {
        live.HealthMonitor?.Cancel();
        live.HealthMonitor?.Dispose();
        live.HealthMonitor = null;
    }

    private async Task MonitorHealthAsync(ContainerRecord record, LiveContainer live, HealthcheckConfig check, CancellationToken cancellationToken)
    {
        var startedAt = record.State.StartedAt;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var inStartPeriod = time.GetUtcNow() - startedAt < check.StartPeriod;
                await Task.Delay(inStartPeriod && check.StartPeriod > TimeSpan.Zero ? check.StartInterval : check.Interval, time, cancellationToken);
                if (!record.State.Running || record.State.Paused) continue;
                var start = time.GetUtcNow();
                int code;
                string output;
                try
                {
                    (code, output) = await RunProbeAsync(record, check.Command(record.Config.Shell), check.Timeout, cancellationToken);
                }
                catch (Errors.EngineException e)
                {
                    (code, output) = (-1, e.Message);
                }
                var entry = new HealthLogEntry(start, time.GetUtcNow(), code, output);
                await RecordProbeAsync(record, live, check, entry, start - startedAt < check.StartPeriod, cancellationToken);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { LogHealthMonitorFailed(logger, record.Id, e); }
    }

    private async Task RecordProbeAsync(ContainerRecord record, LiveContainer live, HealthcheckConfig check, HealthLogEntry entry, bool inStartPeriod, CancellationToken cancellationToken)
    {
        string? changedTo = null;
        await live.Lock.WaitAsync(cancellationToken);
        try
        {
            if (!record.State.Running || live.Removed || cancellationToken.IsCancellationRequested) return;
            var before = record.State.Health ?? new HealthState();
            var log = before.Log.Append(entry).TakeLast(HealthState.LogSize).ToList();
            HealthState after;
            if (entry.ExitCode == 0) after = before with { Status = HealthState.Healthy, FailingStreak = 0, Log = log };
            else if (inStartPeriod) after = before with { Log = log };
            else
            {
                var streak = before.FailingStreak + 1;
                after = before with { FailingStreak = streak, Log = log, Status = streak >= check.Retries ? HealthState.Unhealthy : before.Status };
            }
            record.State = record.State with { Health = after };
            store.Save(record);
            if (after.Status != before.Status) changedTo = after.Status;
        }
        finally
        {
            live.Lock.Release();
        }
        if (changedTo is not null) Publish(record, "health_status: " + changedTo);
    }
}
