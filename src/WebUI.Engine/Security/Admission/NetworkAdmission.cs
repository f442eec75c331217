using WebUI.Engine.Errors;
using WebUI.Engine.Networks;

namespace WebUI.Engine.Security.Admission;

/// <summary>The choke point's network side: a network create from any front door (docker network create, dashboard).</summary>
public sealed class NetworkAdmission(Microsoft.Extensions.Options.IOptions<AdmissionOptions> admission, IAdmissionSettingsStore settings)
{
    /// <summary>Drivers whose containers sit on a host interface (parent=), beside the host on its network segment.</summary>
    private static readonly string[] HostInterfaceDrivers = ["macvlan", "ipvlan"];

    /// <summary>
    /// Refuses a read-only caller's create, and a non-Admin's network on a host interface unless the Admin setting allows
    /// it; returns the request with the caller's team label.
    /// </summary>
    public NetworkCreateRequest Admit(NetworkCreateRequest request)
    {
        var what = $"network create {request.Name}".TrimEnd();
        var caller = Callers.Resolve(admission.Value, what);
        if (!caller.CanChange) throw new EngineException(ErrorKind.Forbidden, $"{what} refused for {caller.Name} ({caller.Role}): the role is read-only");
        if (!caller.IsAdmin && HostInterfaceDrivers.Contains(request.Driver))
        {
            var refusal = new AdmissionRefusal(caller, what);
            var parent = request.Options.TryGetValue("parent", out var p) && p.Length > 0 ? $" on host interface {p}" : "";
            refusal.Add(settings.Current.AllowHostInterfaceNetworks, $"a {request.Driver} network{parent}", "Allow networks on host interfaces");
            refusal.ThrowIfAny();
        }
        var team = TeamScope.AssignFor(caller, request.Labels, what);
        if (team is null || request.Labels.TryGetValue(TeamScope.Label, out var had) && had == team) return request;
        var labels = new Dictionary<string, string>(request.Labels, StringComparer.Ordinal) { [TeamScope.Label] = team };
        return request with { Labels = labels };
    }
}
