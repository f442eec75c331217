using System.Collections.Concurrent;
using System.Diagnostics;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>
/// Docker's NAT for a bridge network: one rule per subnet, `POSTROUTING -s SUBNET ! -o BRIDGE -j MASQUERADE`, made at
/// the first attach and removed with the network, instead of the CNI bridge plugin's chain per container (ipMasq), which
/// costs several iptables runs on every start and every exit. The comment names the bridge, so servers that share a
/// bridge share its rule and a check (-C) keeps it single.
/// </summary>
internal sealed class BridgeMasquerade
{
    private readonly ConcurrentDictionary<string, bool> _present = new(StringComparer.Ordinal);

    /// <summary>Adds the network's rules unless this process already knows they are there.</summary>
    public async Task EnsureAsync(NetworkRecord network, CancellationToken cancellationToken)
    {
        if (_present.ContainsKey(network.Id)) return;
        foreach (var rule in Rules(network))
        {
            if (await IptablesAsync(["-t", "nat", "-C", .. rule], cancellationToken) == 0) continue;
            if (await IptablesAsync(["-t", "nat", "-A", .. rule], cancellationToken) is var code and not 0)
                throw new EngineException(ErrorKind.Internal, $"cannot add the masquerade rule of network {network.Name}: iptables exit {code}");
        }
        _present[network.Id] = true;
    }

    /// <summary>Removes every copy of the network's rules; none left is fine.</summary>
    public async Task RemoveAsync(NetworkRecord network, CancellationToken cancellationToken)
    {
        _present.TryRemove(network.Id, out _);
        foreach (var rule in Rules(network))
            for (var i = 0; i < 16 && await IptablesAsync(["-t", "nat", "-D", .. rule], cancellationToken) == 0; i++) { }
    }

    private static IEnumerable<string[]> Rules(NetworkRecord network) => network.Ipam.Select(pool => new[]
    {
        "POSTROUTING", "-s", pool.Subnet, "!", "-o", network.Device, "-m", "comment", "--comment", $"webui masquerade {network.Device}", "-j", "MASQUERADE",
    });

    private static async Task<int> IptablesAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("iptables") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw EngineException.Precondition("cannot run iptables (install iptables)");
        var stdout = p.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = p.StandardError.ReadToEndAsync(cancellationToken);
        await p.WaitForExitAsync(cancellationToken);
        await stdout;
        await stderr;
        return p.ExitCode;
    }
}
