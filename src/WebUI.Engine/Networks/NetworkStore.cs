using System.Text.Json;
using Microsoft.Extensions.Logging;
using WebUI.Engine.Storage;

namespace WebUI.Engine.Networks;

/// <summary>
/// Network and sandbox records on disk: &lt;DataRoot&gt;/networks/&lt;id&gt;.json and networks/containers/&lt;id&gt;.json, each
/// written atomically. The host-local IPAM leases live beside them in networks/ipam/&lt;network id&gt;/.
/// </summary>
internal sealed partial class NetworkStore(string root, ILogger logger)
{
    /// <summary>The store's root below a data root.</summary>
    public static string RootOf(string dataRoot) => Path.Combine(dataRoot, "networks");

    /// <summary>Where the CNI drivers keep host-local leases, below a data root.</summary>
    public static string IpamDirOf(string dataRoot) => Path.Combine(RootOf(dataRoot), "ipam");

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Root { get; } = root;
    public string IpamDir => Path.Combine(Root, "ipam");
    private string SandboxDir => Path.Combine(Root, "containers");

    public void EnsureDirectories()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(IpamDir);
        Directory.CreateDirectory(SandboxDir);
    }

    public IEnumerable<NetworkRecord> LoadNetworks() => Load<NetworkRecord>(Root);

    public IEnumerable<SandboxRecord> LoadSandboxes() => Load<SandboxRecord>(SandboxDir);

    public void Save(NetworkRecord network) => AtomicFile.WriteJson(Path.Combine(Root, network.Id + ".json"), network, Json);

    public void Delete(NetworkRecord network) => File.Delete(Path.Combine(Root, network.Id + ".json"));

    public void Save(SandboxRecord sandbox) => AtomicFile.WriteJson(Path.Combine(SandboxDir, sandbox.ContainerId + ".json"), sandbox, Json);

    public void DeleteSandbox(string containerId) => File.Delete(Path.Combine(SandboxDir, containerId + ".json"));

    private IEnumerable<T> Load<T>(string dir) where T : class
    {
        foreach (var file in Directory.GetFiles(dir, "*.json"))
        {
            T? record = null;
            try { record = AtomicFile.ReadJson<T>(file, Json); }
            catch (Exception e) when (e is JsonException or IOException) { LogBroken(logger, file, e); }
            if (record is not null) yield return record;
        }
    }
}
