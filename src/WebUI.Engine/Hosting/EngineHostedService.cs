using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebUI.Engine.Hosting;

/// <summary>Runs the engine inside the web host: initializes every subsystem before the host starts serving.</summary>
internal sealed partial class EngineHostedService(
    IEnumerable<IEngineInitializer> initializers,
    IOptions<EngineOptions> options,
    EngineReadiness readiness,
    ILogger<EngineHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        try
        {
            Directory.CreateDirectory(o.DataRoot);
            Directory.CreateDirectory(o.ExecRoot);
            foreach (var init in initializers.OrderBy(i => i.Order))
                await init.InitializeAsync(cancellationToken);
        }
        catch (Exception e)
        {
            readiness.MarkFailed(e);
            throw;
        }
        readiness.MarkReady();
        LogStarted(logger, o.DataRoot, o.ExecRoot, o.Runtime);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Engine started: data root {DataRoot}, exec root {ExecRoot}, runtime {Runtime}")]
    private static partial void LogStarted(ILogger logger, string dataRoot, string execRoot, string runtime);
}
