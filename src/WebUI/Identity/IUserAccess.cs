namespace WebUI.Identity;

/// <summary>
/// The server-side check before a change made from the dashboard: hiding a button is a courtesy, this is the authority.
/// It re-reads the user from the store each time, so a disabled user, a changed role or a changed password take effect at once.
/// </summary>
public interface IUserAccess
{
    /// <summary>The current user's name when they satisfy <paramref name="policy"/>; otherwise throws EngineException (Forbidden). Denies by default.</summary>
    Task<string> DemandAsync(string policy, CancellationToken cancellationToken);

    /// <summary>
    /// The engine's caller for the current user (role and teams as stored now), or an anonymous Viewer with no teams
    /// when the session is not valid: what the choke point and the team filters see.
    /// </summary>
    Task<WebUI.Engine.Security.Admission.Caller> CallerAsync(CancellationToken cancellationToken);

    /// <summary>As <see cref="CallerAsync(CancellationToken)"/> for a given principal (a web request's user).</summary>
    Task<WebUI.Engine.Security.Admission.Caller> CallerAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken);

    /// <summary>Whether the current user satisfies <paramref name="policy"/>, checked as <see cref="DemandAsync"/> does.</summary>
    Task<bool> IsAllowedAsync(string policy, CancellationToken cancellationToken);
}
