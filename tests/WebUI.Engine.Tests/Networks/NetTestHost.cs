using System.Diagnostics;

namespace WebUI.Engine.Tests.Networks;

/// <summary>Shared bits of the real-kernel network tests: unique short names, a random 10.2xx.y.0/24 subnet, shell commands.</summary>
internal static class NetTestHost
{
    /// <summary>A device name of at most 15 characters: the prefix and random hex.</summary>
    public static string DeviceName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..(12 - prefix.Length)];

    /// <summary>
    /// A random 10.25x.y.0/24 (x 2-4) that no route of the host touches now, outside the 10.200-249 blocks the server tests
    /// take (their SubnetBlock), so tests running side by side do not meet.
    /// </summary>
    public static string Subnet24()
    {
        var routes = RunAsync("ip", "-4", "-o", "route", "show", "table", "all").GetAwaiter().GetResult().Stdout;
        for (var attempt = 0; ; attempt++)
        {
            var prefix = $"10.{Random.Shared.Next(252, 255)}.{Random.Shared.Next(0, 256)}.";
            if (!routes.Contains(prefix, StringComparison.Ordinal) || attempt > 100) return prefix + "0/24";
        }
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    public static bool LinkExists(string name) => Directory.Exists(Path.Combine("/sys/class/net", name));

    public static async Task DeleteLinkAsync(string name)
    {
        if (LinkExists(name)) await RunAsync("ip", "link", "del", name);
    }

    /// <summary>iptables rules (all tables) mentioning <paramref name="text"/>.</summary>
    public static async Task<List<string>> RulesMentioningAsync(string text) =>
        [.. (await RunAsync("iptables-save")).Stdout.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal))];
}
