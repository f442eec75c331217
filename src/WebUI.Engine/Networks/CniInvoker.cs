using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebUI.Engine.Networks;

/// <summary>
/// Runs CNI plugin chains as libcni does: each plugin gets the list's name and cniVersion, the previous plugin's result
/// as prevResult, and the call in CNI_* variables; its stdout is the result, or a CNI error object when it exits non-zero.
/// </summary>
internal sealed partial class CniInvoker(IOptions<NetworkOptions> options, ILogger<CniInvoker> logger)
{
    private string CniPath => options.Value.CniPath;

    /// <summary>ADD through the chain; a failure part way runs DEL for the plugins that succeeded, then throws.</summary>
    public async Task<CniResult> AddAsync(CniNetworkList list, CniInvocation call, CancellationToken cancellationToken)
    {
        string? prev = null;
        var done = new List<JsonObject>();
        try
        {
            foreach (var plugin in list.Plugins)
            {
                prev = await ExecAsync("ADD", list, plugin, call, prev, cancellationToken);
                done.Add(plugin);
            }
        }
        catch
        {
            try { await DelAsync(list with { Plugins = done }, call, prev, CancellationToken.None); }
            catch (Exception e) { LogCleanupFailed(logger, call.ContainerId, list.Name, e); }
            throw;
        }
        return CniResult.Parse(prev ?? throw new CniException(list.Name, "ADD", 999, "the plugin chain is empty", null));
    }

    /// <summary>DEL through the chain in reverse; every plugin runs even when one fails; the first failure is thrown.</summary>
    public async Task DelAsync(CniNetworkList list, CniInvocation call, string? prevResult, CancellationToken cancellationToken)
    {
        Exception? first = null;
        foreach (var plugin in list.Plugins.Reverse())
        {
            try { await ExecAsync("DEL", list, plugin, call, prevResult, cancellationToken); }
            catch (CniException e) { first ??= e; LogDelFailed(logger, call.ContainerId, e.Message); }
        }
        if (first is not null) throw first;
    }

    private async Task<string> ExecAsync(string command, CniNetworkList list, JsonObject plugin, CniInvocation call, string? prevResult, CancellationToken cancellationToken)
    {
        var type = (string?)plugin["type"] ?? throw new CniException(list.Name, command, 1, "plugin config has no type", null);
        var binary = Path.Combine(CniPath, type);
        if (!File.Exists(binary)) throw new CniException(type, command, 1, $"plugin {binary} not found (install containernetworking-plugins or set Engine:CniPath)", null);

        var conf = (JsonObject)plugin.DeepClone();
        conf["cniVersion"] = CniNetworkList.Version;
        conf["name"] = list.Name;
        if (prevResult is not null) conf["prevResult"] = JsonNode.Parse(prevResult);

        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["CNI_COMMAND"] = command;
        psi.Environment["CNI_CONTAINERID"] = call.ContainerId;
        psi.Environment["CNI_NETNS"] = call.NetnsPath;
        psi.Environment["CNI_IFNAME"] = call.IfName;
        psi.Environment["CNI_PATH"] = CniPath;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        psi.Environment["PATH"] = path + ":/usr/sbin:/sbin";

        var started = Stopwatch.GetTimestamp();
        using var p = Process.Start(psi) ?? throw new CniException(type, command, 1, $"cannot run {binary}", null);
        var stdout = p.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = p.StandardError.ReadToEndAsync(cancellationToken);
        await p.StandardInput.WriteAsync(conf.ToJsonString().AsMemory(), cancellationToken);
        p.StandardInput.Close();
        await p.WaitForExitAsync(cancellationToken);
        var output = await stdout;
        var errors = await stderr;
        LogPlugin(logger, type, command, call.ContainerId, p.ExitCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (p.ExitCode != 0) throw ParseError(type, command, output, errors);
        return output.Trim().Length == 0 ? prevResult ?? "{}" : output;
    }

    /// <summary>A CNI error object ({"code", "msg", "details"}) as an exception; plain text when the plugin wrote no JSON.</summary>
    internal static CniException ParseError(string plugin, string command, string stdout, string stderr)
    {
        try
        {
            if (JsonNode.Parse(stdout) is JsonObject o && o["msg"] is not null)
                return new CniException(plugin, command, (int?)o["code"] ?? 999, (string?)o["msg"] ?? "", (string?)o["details"]);
        }
        catch (JsonException) { }
        var text = (stderr.Trim().Length > 0 ? stderr : stdout).Trim();
        return new CniException(plugin, command, 999, text.Length > 0 ? text : "the plugin failed without a message", null);
    }
}
