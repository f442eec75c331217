using System.Net;
using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Networks;

/// <summary>
/// What a stopped server left on the host of its networking, told by its own addresses (<see cref="WebUIServer.Subnets"/>)
/// and directories: links, routes and iptables rules (every table) in its block, namespaces under its exec root, IPAM
/// leases and lease directories of removed networks, and ports on its default bridge. The default bridge itself, its
/// route and its masquerade rule stay by design (as docker0 and its rule do).
/// </summary>
public static class NetworkLeaks
{
    public static async Task<List<string>> FindAsync(WebUIServer server)
    {
        var leaks = new List<string>();
        var defaultRule = $"webui masquerade {server.BridgeName}";

        foreach (var line in Lines((await Run("ip", "-4", "-o", "addr", "show")).Stdout))
            if (MentionsBlock(server, line) && !line.Contains($" {server.BridgeName} ", StringComparison.Ordinal)) leaks.Add($"address: {line}");
        foreach (var line in Lines((await Run("ip", "-4", "-o", "route", "show", "table", "all")).Stdout))
            if (MentionsBlock(server, line) && !line.Contains($" dev {server.BridgeName} ", StringComparison.Ordinal)) leaks.Add($"route: {line}");
        foreach (var line in Lines((await Run("iptables-save")).Stdout))
            if (MentionsBlock(server, line) && !line.Contains(defaultRule, StringComparison.Ordinal)) leaks.Add($"iptables: {line}");

        var ports = $"/sys/class/net/{server.BridgeName}/brif";
        if (Directory.Exists(ports)) leaks.AddRange(Directory.GetFileSystemEntries(ports).Select(p => $"veth on the default bridge: {Path.GetFileName(p)}"));

        var netns = Path.Combine(server.ExecRoot, "netns");
        if (Directory.Exists(netns)) leaks.AddRange(Directory.GetFiles(netns).Select(f => $"namespace file: {f}"));
        leaks.AddRange(Leftovers.MountsUnder(netns).Select(m => $"namespace mount: {m}"));

        var networks = Path.Combine(server.DataRoot, "networks");
        var ipam = Path.Combine(networks, "ipam");
        if (Directory.Exists(ipam))
        {
            var known = Directory.GetFiles(networks, "*.json").Select(NetworkId).ToHashSet(StringComparer.Ordinal);
            foreach (var dir in Directory.GetDirectories(ipam))
            {
                if (!known.Contains(Path.GetFileName(dir))) leaks.Add($"lease directory of a removed network: {dir}");
                leaks.AddRange(Directory.GetFiles(dir).Where(f => IPAddress.TryParse(Path.GetFileName(f), out _)).Select(f => $"lease: {f}"));
            }
        }
        return leaks;
    }

    private static bool MentionsBlock(WebUIServer server, string line) =>
        line.Split([' ', ':', '"', ','], StringSplitOptions.RemoveEmptyEntries)
            .Any(t => SubnetBlock.TryParsePrefix(t, out _, out _) && server.Subnets.Contains(IPAddress.Parse(t.Split('/')[0])));

    private static string NetworkId(string recordFile)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(recordFile));
        return doc.RootElement.GetProperty("Id").GetString() ?? "";
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<CommandResult> Run(string file, params string[] args) =>
        (await ProcessRunner.RunAsync(file, args, timeout: TimeSpan.FromSeconds(30))).EnsureSuccess();
}
