using WebUI.Engine.Hosting;

namespace WebUI.Engine.Containers;

/// <summary>Re-adopts containers at start (live restore), after images and snapshots are loaded.</summary>
internal sealed class ContainersInitializer(ContainerService service) : IEngineInitializer
{
    public int Order => 200;

    public Task InitializeAsync(CancellationToken cancellationToken) => service.RestoreAsync(cancellationToken);
}
