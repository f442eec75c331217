using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebUI.Registry.Uploads;

/// <summary>Removes abandoned upload sessions every Registry:UploadSweepInterval.</summary>
internal sealed partial class UploadJanitor(UploadSessions sessions, IOptions<RegistryOptions> options, TimeProvider time, ILogger<UploadJanitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UploadSweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    sessions.Sweep();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    LogSweepFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
