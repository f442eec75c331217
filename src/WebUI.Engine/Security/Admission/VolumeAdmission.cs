using WebUI.Engine.Errors;
using WebUI.Engine.Volumes;

namespace WebUI.Engine.Security.Admission;

/// <summary>The choke point's volume side: a volume create from any front door (docker volume create, dashboard, -v).</summary>
public sealed class VolumeAdmission(IAdmissionSettingsStore settings, Microsoft.Extensions.Options.IOptions<AdmissionOptions> admission)
{
    /// <summary>Refuses host-reaching options for non-Admins and a Viewer's create; returns the options with the team label.</summary>
    public VolumeCreateOptions Admit(VolumeCreateOptions options)
    {
        var what = $"volume create {options.Name}".TrimEnd();
        var caller = Callers.Resolve(admission.Value, what);
        if (!caller.CanChange) throw new EngineException(ErrorKind.Forbidden, $"{what} refused for {caller.Name} ({caller.Role}): the role is read-only");
        if (!caller.IsAdmin)
        {
            var refusal = new AdmissionRefusal(caller, what);
            var problem = HostPaths.VolumeOptionProblem(options.DriverOpts);
            if (problem is not null) refusal.Add(settings.Current.AllowHostBinds, problem, "Allow host bind mounts");
            refusal.ThrowIfAny();
        }
        var team = TeamScope.AssignFor(caller, options.Labels, what);
        if (team is null || options.Labels.TryGetValue(TeamScope.Label, out var had) && had == team) return options;
        var labels = new Dictionary<string, string>(options.Labels, StringComparer.Ordinal) { [TeamScope.Label] = team };
        return options with { Labels = labels };
    }
}
