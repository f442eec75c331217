using System.Diagnostics;

namespace WebUI.Engine.Networks;

/// <summary>
/// Removes the CNI bridge plugin's per-container masquerade chain (comment `name: "NET" id: "CID"`) by hand, for a
/// DEL whose namespace is gone (the plugin then skips it).
/// </summary>
internal static class MasqueradeRules
{
    public static async Task RemoveAsync(string networkName, string containerId, CancellationToken cancellationToken)
    {
        var saved = await RunAsync(["iptables-save", "-t", "nat"], cancellationToken);
        var marker = $"id: \\\"{containerId}\\\"";
        foreach (var line in saved.Split('\n').Where(l => l.StartsWith("-A POSTROUTING ", StringComparison.Ordinal) && l.Contains(marker, StringComparison.Ordinal) && l.Contains($"name: \\\"{networkName}\\\"", StringComparison.Ordinal)))
        {
            var jump = line.Split(' ').SkipWhile(w => w != "-j").Skip(1).FirstOrDefault();
            // iptables-save quotes the comment; iptables takes it back as one argument.
            var args = SplitRule(line[3..]);
            await RunAsync(["iptables", "-t", "nat", "-D", .. args], cancellationToken);
            if (jump is not null && jump.StartsWith("CNI-", StringComparison.Ordinal))
            {
                await RunAsync(["iptables", "-t", "nat", "-F", jump], cancellationToken);
                await RunAsync(["iptables", "-t", "nat", "-X", jump], cancellationToken);
            }
        }
    }

    private static List<string> SplitRule(string rule)
    {
        var args = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < rule.Length; i++)
        {
            var c = rule[i];
            if (c == '\\' && i + 1 < rule.Length && rule[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ' ' && !quoted) { if (current.Length > 0) { args.Add(current.ToString()); current.Clear(); } }
            else current.Append(c);
        }
        if (current.Length > 0) args.Add(current.ToString());
        return args;
    }

    private static async Task<string> RunAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(cancellationToken);
        await p.StandardError.ReadToEndAsync(cancellationToken);
        await p.WaitForExitAsync(cancellationToken);
        return await stdout;
    }
}
