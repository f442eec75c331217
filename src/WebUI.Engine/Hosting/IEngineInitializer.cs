namespace WebUI.Engine.Hosting;

/// <summary>Start-up work of one subsystem (create its directories, re-adopt running containers...), run once by <see cref="EngineHostedService"/> in <see cref="Order"/>.</summary>
public interface IEngineInitializer
{
    /// <summary>Lower runs first: storage (0-99), images (100-199), containers (200-299).</summary>
    int Order { get; }

    Task InitializeAsync(CancellationToken cancellationToken);
}
