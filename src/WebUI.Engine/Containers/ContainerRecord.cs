namespace WebUI.Engine.Containers;

/// <summary>
/// A container as stored at &lt;DataRoot&gt;/containers/&lt;id&gt;/config.json: identity, merged configuration and
/// state. Mutated only by <see cref="ContainerService"/> under the container's lock; <see cref="State"/> is swapped whole.
/// </summary>
public sealed class ContainerRecord
{
    /// <summary>64 hex digits.</summary>
    public required string Id { get; init; }
    /// <summary>With the leading slash, e.g. "/web".</summary>
    public required string Name { get; set; }
    public DateTimeOffset Created { get; init; }
    /// <summary>The image id, "sha256:&lt;hex&gt;".</summary>
    public required string Image { get; init; }
    /// <summary>The executable and its arguments, from entrypoint + cmd.</summary>
    public string Path { get; set; } = "";
    public List<string> Args { get; set; } = [];
    public required ContainerConfig Config { get; init; }
    public required HostConfig HostConfig { get; init; }
    public ContainerState State { get; set; } = new();
    public int RestartCount { get; set; }
    public string LogPath { get; set; } = "";
    public string HostnamePath { get; set; } = "";
    public string HostsPath { get; set; } = "";
    public string ResolvConfPath { get; set; } = "";
    /// <summary>Set by stop/kill so the restart policy ("unless-stopped", "on-failure") knows the exit was asked for.</summary>
    public bool ManuallyStopped { get; set; }
    /// <summary>Volumes, binds and tmpfs mounts decided at create (Docker's MountPoints), in mount order.</summary>
    public List<MountPoint> MountPoints { get; set; } = [];
    /// <summary>
    /// The create's endpoint settings (NetworkingConfig: network → aliases, static address, MAC), kept beside the network
    /// sandbox's own record so that a sandbox a crash lost during the create is made again with them.
    /// </summary>
    public IReadOnlyDictionary<string, Networks.EndpointConfig> CreateEndpoints { get; init; } = new Dictionary<string, Networks.EndpointConfig>();
}
