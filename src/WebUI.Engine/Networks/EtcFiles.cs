using System.Text;

namespace WebUI.Engine.Networks;

/// <summary>
/// A container's /etc/hosts and /etc/resolv.conf. Written in place (truncate + write, same inode) because the runtime
/// bind-mounts them: a rename would leave the container looking at the old file.
/// </summary>
internal static class EtcFiles
{
    public const string EmbeddedDnsAddress = "127.0.0.11";

    public static string Hosts(SandboxRecord sandbox, IEnumerable<EndpointRecord> endpoints)
    {
        var sb = new StringBuilder();
        sb.Append("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        sb.Append("fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
        var names = sandbox.Domainname.Length > 0 ? $"{sandbox.Hostname}.{sandbox.Domainname}\t{sandbox.Hostname}" : sandbox.Hostname;
        var first = endpoints.FirstOrDefault(e => e.IPv4Address.Length > 0);
        sb.Append(first is null ? $"127.0.1.1\t{names}\n" : $"{first.IPv4Address.Split('/')[0]}\t{names}\n");
        foreach (var extra in sandbox.ExtraHosts)
        {
            var sep = extra.IndexOf(':');
            if (sep <= 0) continue;
            var ip = extra[(sep + 1)..];
            if (ip == "host-gateway") ip = first?.Gateway is { Length: > 0 } g ? g : "127.0.0.1";
            sb.Append($"{ip}\t{extra[..sep]}\n");
        }
        return sb.ToString();
    }

    /// <summary>The embedded DNS server for user-defined networks (Docker's 127.0.0.11), else the host's resolvers that work from a container.</summary>
    public static string ResolvConf(SandboxRecord sandbox, bool embeddedDns, string hostResolvConf)
    {
        var hostServers = new List<string>();
        var search = new List<string>();
        var options = new List<string>();
        foreach (var raw in hostResolvConf.Split('\n'))
        {
            var f = raw.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 2 || f[0].StartsWith('#')) continue;
            switch (f[0])
            {
                case "nameserver": hostServers.Add(f[1]); break;
                case "search": search = [.. f[1..]]; break;
                case "options": options.AddRange(f[1..]); break;
            }
        }
        if (sandbox.DnsSearch.Count > 0) search = [.. sandbox.DnsSearch];
        if (sandbox.DnsOptions.Count > 0) options = [.. sandbox.DnsOptions];

        List<string> servers;
        if (embeddedDns) { servers = [EmbeddedDnsAddress]; if (!options.Contains("ndots:0")) options.Add("ndots:0"); }
        else if (sandbox.Dns.Count > 0) servers = [.. sandbox.Dns];
        else
        {
            // Loopback resolvers of the host are not reachable from the container's namespace.
            servers = [.. hostServers.Where(s => !s.StartsWith("127.", StringComparison.Ordinal) && s != "::1")];
            if (servers.Count == 0) servers = ["8.8.8.8", "8.8.4.4"];
        }
        var sb = new StringBuilder();
        foreach (var s in servers) sb.Append($"nameserver {s}\n");
        if (search.Count > 0) sb.Append($"search {string.Join(' ', search)}\n");
        if (options.Count > 0) sb.Append($"options {string.Join(' ', options)}\n");
        return sb.ToString();
    }

    /// <summary>The upstream servers the embedded DNS forwards to: --dns, else the host's (loopback ones work: forwarding runs on the host).</summary>
    public static List<string> Upstreams(SandboxRecord sandbox, string hostResolvConf)
    {
        if (sandbox.Dns.Count > 0) return [.. sandbox.Dns];
        return [.. hostResolvConf.Split('\n').Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2 && f[0] == "nameserver").Select(f => f[1])];
    }

    public static void WriteInPlace(string path, string content)
    {
        using var fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write);
        fs.SetLength(0);
        var bytes = Encoding.UTF8.GetBytes(content);
        // No fsync: the files are rewritten at every start, and a crash loses only a running container's view of them.
        fs.Write(bytes);
    }
}
