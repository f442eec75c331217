using System.Net.NetworkInformation;
using WebUI.Engine.Networks;

namespace WebUI.Engine.Tests.Networks;

/// <summary>Real kernel: persistent network namespaces made with unshare + bind mount.</summary>
public sealed class NetworkNamespacesTests : IDisposable
{
    private readonly string _dir = Path.Combine("/tmp/wt", "ns" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Create_makes_a_mounted_namespace_with_only_lo_up_and_delete_removes_it()
    {
        var ns = new NetworkNamespaces(_dir);
        var path = ns.Create("c1");
        Assert.True(NetworkNamespaces.IsMounted(path));
        var inside = NetworkNamespaces.RunIn(path, () => NetworkInterface.GetAllNetworkInterfaces().Select(i => (i.Name, i.OperationalStatus)).ToList());
        var (name, status) = Assert.Single(inside);
        Assert.Equal("lo", name);
        Assert.NotEqual(OperationalStatus.Down, status);
        // The host's namespace is untouched: this thread still sees more than lo.
        Assert.Contains(NetworkInterface.GetAllNetworkInterfaces(), i => i.Name != "lo");

        NetworkNamespaces.Delete(path);
        Assert.False(NetworkNamespaces.IsMounted(path));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Delete_of_a_missing_namespace_is_fine()
    {
        NetworkNamespaces.Delete(Path.Combine(_dir, "never"));
    }

    public void Dispose()
    {
        if (!Directory.Exists(_dir)) return;
        foreach (var f in Directory.GetFiles(_dir)) NetworkNamespaces.Delete(f);
        Directory.Delete(_dir, recursive: true);
    }
}
