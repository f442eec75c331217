using System.Diagnostics;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Networks;

/// <summary>Runs iproute2's `ip` for the few link operations CNI plugins do not do (removing a network's bridge).</summary>
internal static class IpCommand
{
    public static async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw EngineException.Precondition("cannot run ip (install iproute2)");
        var stderr = p.StandardError.ReadToEndAsync(cancellationToken);
        await p.StandardOutput.ReadToEndAsync(cancellationToken);
        await p.WaitForExitAsync(cancellationToken);
        if (p.ExitCode != 0) throw new EngineException(ErrorKind.Internal, $"ip {string.Join(' ', args)}: {(await stderr).Trim()}");
    }
}
