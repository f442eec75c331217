using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WebUI.Registry.Access;

/// <summary>
/// The policy until logins exist: anyone may pull, push and delete when every web listener is bound to loopback
/// (only local processes can connect), and nobody otherwise.
/// </summary>
internal sealed class LoopbackAnonymousAccessPolicy(IServer server) : IRegistryAccessPolicy
{
    private bool? _loopbackOnly;

    public ValueTask<RegistryAccessDecision> AuthorizeAsync(HttpContext http, string? repository, RegistryAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(LoopbackOnly() ? RegistryAccessDecision.Allow : RegistryAccessDecision.Challenge);

    private bool LoopbackOnly()
    {
        if (_loopbackOnly is { } known) return known;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0) return false; // not started yet: decide later, refuse now
        var web = addresses.Where(a => !a.StartsWith("http://unix:", StringComparison.OrdinalIgnoreCase)).ToList();
        var result = web.Count > 0 && web.All(IsLoopback);
        _loopbackOnly = result;
        return result;
    }

    internal static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)) return false;
        var host = uri.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
