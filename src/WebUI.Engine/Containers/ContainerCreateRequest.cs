using System.Text.Json;

namespace WebUI.Engine.Containers;

/// <summary>The body of POST /containers/create: the Config fields at the top level, plus HostConfig and NetworkingConfig.</summary>
public sealed class ContainerCreateRequest : ContainerConfig
{
    public HostConfig? HostConfig { get; set; }
    public JsonElement? NetworkingConfig { get; set; }
}
