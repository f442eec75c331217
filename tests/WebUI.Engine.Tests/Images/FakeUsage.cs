using WebUI.Engine.Images;

namespace WebUI.Engine.Tests.Images;

/// <summary>A fixed answer to "which containers use this image", standing in for the container engine.</summary>
internal sealed class FakeUsage(string imageId, string containerId, bool running) : IImageUsage
{
    public IReadOnlyList<string> ContainersUsing(string id) => id == imageId ? [containerId] : [];
    public bool AnyRunning(string id) => id == imageId && running;
}
