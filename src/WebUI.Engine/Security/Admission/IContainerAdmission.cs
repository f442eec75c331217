using WebUI.Engine.Containers;
using WebUI.Engine.Containers.Exec;

namespace WebUI.Engine.Security.Admission;

/// <summary>
/// The one choke point for what a container may get. Every front door (Docker API socket and TCP listener, dashboard,
/// builds) reaches the engine's create, update, exec and volume create, which call this first with the request already
/// in the engine's model; a refusal is Forbidden (403) naming every problem, and nothing is created.
/// </summary>
public interface IContainerAdmission
{
    /// <summary>Checks a container create for the current caller; stamps the caller's team label on it.</summary>
    void AdmitCreate(ContainerCreateRequest request);

    /// <summary>Checks an exec into <paramref name="container"/> (role, --privileged).</summary>
    void AdmitExec(ContainerRecord container, ExecConfig config);

    /// <summary>Checks a change to an existing container (update, and the like): the role.</summary>
    void AdmitChange(ContainerRecord container, string what);
}
