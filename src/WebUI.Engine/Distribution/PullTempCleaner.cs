using Microsoft.Extensions.Options;
using WebUI.Engine.Hosting;

namespace WebUI.Engine.Distribution;

/// <summary>At start: removes the private unpack directories and push packings a crash left in &lt;DataRoot&gt;/tmp (never visible as images).</summary>
internal sealed class PullTempCleaner(IOptions<EngineOptions> options) : IEngineInitializer
{
    public int Order => 110;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        var temp = Path.Combine(options.Value.DataRoot, "tmp");
        if (!Directory.Exists(temp)) return Task.CompletedTask;
        foreach (var stale in Directory.EnumerateDirectories(temp, "pull-*")) Directory.Delete(stale, recursive: true);
        foreach (var stale in Directory.EnumerateFiles(temp, "push-*")) File.Delete(stale);
        return Task.CompletedTask;
    }
}
