using WebUI.Engine.Errors;
using WebUI.Engine.Networks;

namespace WebUI.Engine.Security.Admission;

/// <summary>The choke point's network side: a network create from any front door (docker network create, dashboard).</summary>
public sealed class NetworkAdmission(Microsoft.Extensions.Options.IOptions<AdmissionOptions> admission)
{
    /// <summary>Refuses a read-only caller's create; returns the request with the caller's team label.</summary>
    public NetworkCreateRequest Admit(NetworkCreateRequest request)
    {
        var what = $"network create {request.Name}".TrimEnd();
        var caller = Callers.Resolve(admission.Value, what);
        if (!caller.CanChange) throw new EngineException(ErrorKind.Forbidden, $"{what} refused for {caller.Name} ({caller.Role}): the role is read-only");
        var team = TeamScope.AssignFor(caller, request.Labels, what);
        if (team is null || request.Labels.TryGetValue(TeamScope.Label, out var had) && had == team) return request;
        var labels = new Dictionary<string, string>(request.Labels, StringComparer.Ordinal) { [TeamScope.Label] = team };
        return request with { Labels = labels };
    }
}
