using Microsoft.Extensions.Options;
using WebUI.Engine.Hosting;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Build;

/// <summary>
/// At start: removes the build directories a crash left in &lt;DataRoot&gt;/tmp (contexts, layer directories, downloads),
/// unmounting the read-only image views inside them first so nothing of an image is ever deleted through them.
/// </summary>
internal sealed class BuildTempCleaner(IOptions<EngineOptions> options) : IEngineInitializer
{
    public int Order => 120;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        var temp = Path.Combine(options.Value.DataRoot, "tmp");
        if (!Directory.Exists(temp)) return Task.CompletedTask;
        foreach (var stale in Directory.EnumerateDirectories(temp, "build-*"))
        {
            var unmounted = true;
            foreach (var view in Directory.EnumerateDirectories(stale, "view-*"))
            {
                try { Sys.umount2(view, Sys.MNT_DETACH); }
                catch (LinuxException e) when (e.Errno is 22 or 2) { }
                catch (LinuxException) { unmounted = false; }
            }
            // A view that would not unmount is left alone rather than deleted through.
            if (unmounted) Directory.Delete(stale, recursive: true);
        }
        return Task.CompletedTask;
    }
}
