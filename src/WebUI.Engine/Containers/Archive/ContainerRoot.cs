using Microsoft.Win32.SafeHandles;

namespace WebUI.Engine.Containers.Archive;

/// <summary>
/// An open directory that is "/" of a container for the archive calls: /proc/&lt;pid&gt;/root of a running one
/// (its own mount tree, volumes included) or its mounted rootfs with its volumes bound in. Disposing undoes the mounts.
/// </summary>
internal sealed class ContainerRoot(SafeFileHandle handle, Func<Task>? release) : IAsyncDisposable
{
    public SafeFileHandle Handle { get; } = handle;

    public async ValueTask DisposeAsync()
    {
        Handle.Dispose();
        if (release is not null) await release();
    }
}
