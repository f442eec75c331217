namespace WebUI.Engine.Files;

/// <summary>
/// Browsing a container's file system for the dashboard, beside docker cp's stat/get/put archive operations (which it
/// shares: the same root, resolved by the kernel with openat2 RESOLVE_IN_ROOT; running or stopped, volumes included).
/// </summary>
public interface IContainerFiles
{
    /// <summary>The entries of a directory, sorted by name; NotFound for a missing path, InvalidArgument for a non-directory.</summary>
    Task<IReadOnlyList<ContainerFileEntry>> ListAsync(string idOrName, string path, CancellationToken cancellationToken);
}
