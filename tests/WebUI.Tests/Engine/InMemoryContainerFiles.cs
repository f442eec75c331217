using WebUI.Engine.Errors;
using WebUI.Engine.Files;

namespace WebUI.Tests.Engine;

/// <summary>Directory listings over <see cref="InMemoryContainerService.Files"/> (directories are implied by the paths).</summary>
public sealed class InMemoryContainerFiles(InMemoryContainerService containers) : IContainerFiles
{
    public Task<IReadOnlyList<ContainerFileEntry>> ListAsync(string idOrName, string path, CancellationToken cancellationToken)
    {
        containers.Get(idOrName);
        var prefix = path.TrimEnd('/') + "/";
        var below = containers.Files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (below.Count == 0 && path != "/") throw EngineException.NotFound($"Could not find the file {path} in container {idOrName}");
        var entries = below
            .GroupBy(f => f.Key[prefix.Length..].Split('/')[0])
            .Select(g => g.Any(f => f.Key[prefix.Length..].Contains('/'))
                ? new ContainerFileEntry(g.Key, 4096, (1u << 31) | 0x1ED, DateTimeOffset.UtcNow, "")
                : new ContainerFileEntry(g.Key, g.Single().Value.Length, 0x1A4, DateTimeOffset.UtcNow, ""))
            .OrderBy(e => !e.IsDirectory).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<ContainerFileEntry>>(entries);
    }
}
