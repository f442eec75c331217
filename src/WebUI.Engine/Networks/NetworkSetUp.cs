namespace WebUI.Engine.Networks;

/// <summary>
/// What <see cref="INetworkManager.SetUpAsync"/> hands the runtime: the namespace for the OCI spec at once, and the attach
/// (interfaces, addresses, ports, /etc files, DNS) still running into it, so the runtime creates the container meanwhile.
/// The container's process must not run before <see cref="Attached"/> completes; it fails when the attach failed (the
/// namespace is then already torn down). A later <see cref="INetworkManager.TearDownAsync"/> waits for it.
/// </summary>
/// <param name="NetnsPath">The namespace file; null for host networking.</param>
/// <param name="Attached">Completes when the container's networking is ready.</param>
public sealed record NetworkSetUp(string? NetnsPath, Task Attached)
{
    /// <summary>Host networking: no namespace, nothing to wait for.</summary>
    public static NetworkSetUp Host { get; } = new(null, Task.CompletedTask);
}
